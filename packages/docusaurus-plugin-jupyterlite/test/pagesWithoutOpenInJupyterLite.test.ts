import type {SitePage} from '@pyodocs/docusaurus-plugin';
import {expect, test} from 'vitest';
import {pagesWithoutOpenInJupyterLite} from '../src/pages/pagesWithoutOpenInJupyterLite.js';

test('pages whose front matter says open_in_jupyterlite: false, among docs of every version, blog posts and MDX pages', () => {
  const page = (permalink: string, frontMatter: Record<string, unknown>): SitePage => ({
    source: `/site${permalink}.mdx`,
    permalink,
    frontMatter,
  });
  const pages = [
    page('/docs/intro', {}),
    page('/docs/private', {open_in_jupyterlite: false}),
    page('/docs/1/private', {open_in_jupyterlite: false}),
    page('/docs/1/on', {open_in_jupyterlite: true}),
    page('/blog/a', {open_in_jupyterlite: false}),
    page('/blog/b', {open_in_jupyterlite: 'no'}),
    page('/playground', {open_in_jupyterlite: false}),
    // One source served at two permalinks (a docs version that is also the current one) lists both, once each.
    {source: '/site/docs/private.mdx', permalink: '/docs/next/private', frontMatter: {open_in_jupyterlite: false}},
    page('/docs/private', {open_in_jupyterlite: false}),
  ];
  expect(pagesWithoutOpenInJupyterLite(pages)).toEqual([
    '/blog/a',
    '/docs/1/private',
    '/docs/next/private',
    '/docs/private',
    '/playground',
  ]);
});
