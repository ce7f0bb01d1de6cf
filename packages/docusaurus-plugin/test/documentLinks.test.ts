import {describe, expect, test} from 'vitest';
import {documentResolver} from '../src/pages/documentLinks.js';
import type {SitePage} from '../src/pages/sitePages.js';

const pages: SitePage[] = [
  {
    source: '/site/docs/tutorials/tutorial-svd.md',
    permalink: '/docs/tutorials/tutorial-svd',
    frontMatter: {},
    title: 'Linear algebra on n-dimensional arrays',
    contentRoot: '/site/docs',
  },
  {
    source: '/site/docs/intro.mdx',
    permalink: '/docs/intro',
    frontMatter: {title: 'Start here'},
    contentRoot: '/site/docs',
  },
  {source: '/site/docs/tutorials/index.md', permalink: '/docs/tutorials/', frontMatter: {}, contentRoot: '/site/docs'},
  {
    source: '/site/versioned_docs/version-1/intro.mdx',
    permalink: '/docs/1/intro',
    frontMatter: {},
    title: 'Introduction (1)',
    contentRoot: '/site/versioned_docs/version-1',
  },
  {source: '/site/blog/post.md', permalink: '/blog/post', frontMatter: {}, title: 'A post'},
];
const resolve = documentResolver(() => pages);

describe("documentResolver: a {doc} role's target among the site's pages", () => {
  test('relative to the linking page, without extension (.md and .mdx tried) or with it', () => {
    expect(resolve('tutorial-svd', '/site/docs/tutorials/page.md')).toEqual({
      url: '/docs/tutorials/tutorial-svd',
      title: 'Linear algebra on n-dimensional arrays',
      file: '/site/docs/tutorials/tutorial-svd.md',
    });
    expect(resolve('../intro.mdx', '/site/docs/tutorials/page.md')?.url).toBe('/docs/intro');
    expect(resolve('./index', '/site/docs/tutorials/page.md')?.url).toBe('/docs/tutorials/');
  });

  test("the title: the content plugin's, else the front matter's, else the file name", () => {
    expect(resolve('intro', '/site/docs/page.md')?.title).toBe('Start here');
    expect(resolve('tutorials/index', '/site/docs/page.md')?.title).toBe('index');
  });

  test("a leading /: from the top of the linking page's content folder (its docs version)", () => {
    expect(resolve('/intro', '/site/docs/tutorials/page.md')?.url).toBe('/docs/intro');
    expect(resolve('/intro', '/site/versioned_docs/version-1/deep/page.md')?.url).toBe('/docs/1/intro');
    expect(resolve('/tutorials/tutorial-svd', '/site/docs/intro.mdx')?.url).toBe('/docs/tutorials/tutorial-svd');
  });

  test('no such page, or a / target from a page outside any docs folder: undefined', () => {
    expect(resolve('tutorial-svdd', '/site/docs/tutorials/page.md')).toBeUndefined();
    expect(resolve('/intro', '/site/blog/post.md')).toBeUndefined();
  });
});
