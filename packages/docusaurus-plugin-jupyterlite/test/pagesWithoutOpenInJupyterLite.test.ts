import type {AllContent} from '@docusaurus/types';
import {expect, test} from 'vitest';
import {pagesWithoutOpenInJupyterLite} from '../src/pages/pagesWithoutOpenInJupyterLite.js';

test('pages whose front matter says open_in_jupyterlite: false, among docs of every version, blog posts and MDX pages', () => {
  const doc = (permalink: string, frontMatter: object) => ({source: '@site/docs/x.mdx', permalink, frontMatter});
  const allContent = {
    'docusaurus-plugin-content-docs': {
      default: {
        loadedVersions: [
          {docs: [doc('/docs/intro', {}), doc('/docs/private', {open_in_jupyterlite: false})]},
          {
            docs: [
              doc('/docs/1/private', {open_in_jupyterlite: false}),
              doc('/docs/1/on', {open_in_jupyterlite: true}),
            ],
          },
        ],
      },
    },
    'docusaurus-plugin-content-blog': {
      default: {
        blogPosts: [
          {id: 'a', metadata: {permalink: '/blog/a', frontMatter: {open_in_jupyterlite: false}}},
          {id: 'b', metadata: {permalink: '/blog/b', frontMatter: {open_in_jupyterlite: 'no'}}},
        ],
      },
    },
    'docusaurus-plugin-content-pages': {
      default: [{type: 'mdx', permalink: '/playground', frontMatter: {open_in_jupyterlite: false}}],
    },
  } as unknown as AllContent;
  expect(pagesWithoutOpenInJupyterLite(allContent)).toEqual([
    '/blog/a',
    '/docs/1/private',
    '/docs/private',
    '/playground',
  ]);
});
