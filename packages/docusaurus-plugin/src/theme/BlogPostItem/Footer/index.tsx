import {type ReactNode, useContext} from 'react';
import InitialBlogPostItemFooter from '@theme-init/BlogPostItem/Footer';
import {PageActionsSlot} from '../../../themeSupport/PageActionsSlot.js';
import {BlogPostPageContext} from '../../../client/BlogPostPageContext.js';

/** A blog post's footer, after the page's Python actions on the post's own page when it has cells. */
export default function BlogPostItemFooter(props: object): ReactNode {
  const onPostPage = useContext(BlogPostPageContext);
  return (
    <>
      {onPostPage ? <PageActionsSlot placement="blog-footer" /> : null}
      <InitialBlogPostItemFooter {...props} />
    </>
  );
}
