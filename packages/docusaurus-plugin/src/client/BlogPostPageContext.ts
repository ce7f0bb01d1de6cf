import {createContext} from 'react';

/**
 * True inside a blog post's own page (not the list of posts): the post's
 * footer shows the page's actions only there. Our BlogPostPage wrapper sets
 * it, so the theme never reads the blog plugin's context (another copy of
 * the blog plugin's client module would not see it).
 */
export const BlogPostPageContext = createContext(false);
