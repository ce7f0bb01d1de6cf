import type {AllContent, LoadContext} from '@docusaurus/types';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {describe, expect, test} from 'vitest';
import pluginPyodocs from '../src/index.js';
import {DEFAULT_OPTIONS} from '../src/options.js';
import {pageRoutes} from '../src/pages/pageRoutes.js';
import {readSitePages, sitePagesOnce} from '../src/pages/sitePages.js';
import type {PyodocsSiteFacts} from '../src/siteFacts.js';

/** What the docs (two versions), blog and pages plugins load, trimmed to what the walk reads. */
function loadedContent(): AllContent {
  return {
    'docusaurus-plugin-content-docs': {
      default: {
        loadedVersions: [
          {
            docs: [
              {source: '@site/docs/intro.mdx', permalink: '/docs/intro', title: 'x', frontMatter: {}},
              {source: '@site/docs/private.md', permalink: '/docs/private', frontMatter: {open_in_jupyterlite: false}},
            ],
          },
          {docs: [{source: '@site/versioned_docs/version-1/intro.mdx', permalink: '/docs/1/intro', frontMatter: {}}]},
        ],
      },
    },
    'docusaurus-plugin-content-blog': {
      default: {
        blogPosts: [
          {
            id: 'hello',
            metadata: {source: '@site/blog/hello.mdx', permalink: '/blog/hello', frontMatter: {tags: ['a']}},
          },
        ],
        // A list page has a permalink but no source: not a page of ours.
        blogListPaginated: [{metadata: {permalink: '/blog'}, items: ['hello']}],
      },
    },
    'docusaurus-plugin-content-pages': {
      default: [
        {type: 'mdx', source: '@site/src/pages/playground.mdx', permalink: '/playground'},
        {type: 'jsx', source: '@site/src/pages/index.tsx', permalink: '/'},
      ],
    },
  } as unknown as AllContent;
}

describe('the site pages, read once from what the content plugins loaded', () => {
  test("readSitePages: every docs version's doc, blog post and MDX page, with its absolute source and front matter", () => {
    expect(readSitePages(loadedContent(), '/site')).toEqual([
      {source: '/site/blog/hello.mdx', permalink: '/blog/hello', frontMatter: {tags: ['a']}},
      {source: '/site/docs/intro.mdx', permalink: '/docs/intro', frontMatter: {}, title: 'x'},
      {source: '/site/docs/private.md', permalink: '/docs/private', frontMatter: {open_in_jupyterlite: false}},
      {source: '/site/src/pages/playground.mdx', permalink: '/playground', frontMatter: {}},
      {source: '/site/versioned_docs/version-1/intro.mdx', permalink: '/docs/1/intro', frontMatter: {}},
    ]);
  });

  test('pageRoutes: the permalinks of each source file, for the page data files', () => {
    const pages = readSitePages(loadedContent(), '/site');
    const served = {source: '/site/docs/intro.mdx', permalink: '/docs/next/intro', frontMatter: {}};
    expect(Object.fromEntries(pageRoutes([...pages, served]))).toEqual({
      '/site/blog/hello.mdx': ['/blog/hello'],
      '/site/docs/intro.mdx': ['/docs/intro', '/docs/next/intro'],
      '/site/docs/private.md': ['/docs/private'],
      '/site/src/pages/playground.mdx': ['/playground'],
      '/site/versioned_docs/version-1/intro.mdx': ['/docs/1/intro'],
    });
  });

  test('sitePagesOnce walks each allContent once (a reload in `docusaurus start` brings a new one)', () => {
    const sitePages = sitePagesOnce('/site');
    const allContent = loadedContent();
    expect(sitePages(allContent)).toBe(sitePages(allContent));
    const reloaded = loadedContent();
    expect(sitePages(reloaded)).not.toBe(sitePages(allContent));
    expect(sitePages(reloaded)).toEqual(sitePages(allContent));
  });

  test("the core plugin's site facts hand sibling plugins the same pages", async () => {
    const context = {
      siteDir: '/site',
      siteConfig: {baseUrl: '/', markdown: {parseFrontMatter: DEFAULT_PARSE_FRONT_MATTER}},
    } as unknown as LoadContext;
    const plugin = pluginPyodocs(context, {id: 'default', ...DEFAULT_OPTIONS, memorySnapshot: false});
    const facts = (await plugin.loadContent?.()) as PyodocsSiteFacts;
    const allContent = loadedContent();
    expect(facts.sitePages(allContent)).toEqual(readSitePages(allContent, '/site'));
    expect(facts.sitePages(allContent)).toBe(facts.sitePages(allContent));
  });
});
