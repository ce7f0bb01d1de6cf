import type {ReactNode} from 'react';
import InitialBlogPostPage from '@theme-init/BlogPostPage';
import {BlogPostPageContext} from '../../client/BlogPostPageContext.js';

/** A blog post's own page: its footer shows the page's Python actions (the list of posts does not). */
export default function BlogPostPage(props: object): ReactNode {
  return (
    <BlogPostPageContext.Provider value={true}>
      <InitialBlogPostPage {...props} />
    </BlogPostPageContext.Provider>
  );
}
