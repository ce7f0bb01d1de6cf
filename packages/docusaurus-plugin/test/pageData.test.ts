import type {DocusaurusConfig} from '@docusaurus/types';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {loadPageData} from '../src/client/loadPageData.js';
import {pageDataPath} from '../src/client/pageDataPath.js';
import {stripNotebookMarkersFromExcerpts} from '../src/pages/notebookExcerpts.js';

describe('page data (C7)', () => {
  test.each([
    ['/', '/docs/getting-started', '/pyodocs/pages/docs/getting-started.json'],
    ['/', '/docs/getting-started/', '/pyodocs/pages/docs/getting-started.json'],
    ['/', '/', '/pyodocs/pages/index.json'],
    ['/site/', '/site/blog/2026/11/22/hello', '/site/pyodocs/pages/blog/2026/11/22/hello.json'],
    ['/site/', '/site/', '/site/pyodocs/pages/index.json'],
    ['/fr/', '/fr/docs/intro.html', '/fr/pyodocs/pages/docs/intro.json'],
  ])('baseUrl %j, permalink %j → %j', (baseUrl, permalink, expected) => {
    expect(pageDataPath(baseUrl, permalink)).toBe(expected);
  });

  describe('loadPageData', () => {
    afterEach(() => vi.unstubAllGlobals());

    test.each([
      ['/site/docs/caf%C3%A9/', '/site/', '/site/pyodocs/pages/docs/caf%C3%A9.json'],
      ['/docs/intro', '/', '/pyodocs/pages/docs/intro.json'],
      ['/site', '/site/', '/site/pyodocs/pages/index.json'],
      ['/site/', '/site/', '/site/pyodocs/pages/index.json'],
    ])('fetches the file of %j under baseUrl %j at %j and checks its shape', async (pathname, baseUrl, url) => {
      const fetched: string[] = [];
      vi.stubGlobal('fetch', async (requested: string) => {
        fetched.push(requested);
        return new Response(JSON.stringify({path: 'docs/café.mdx', cells: [], notebook: []}), {status: 200});
      });
      await expect(loadPageData(pathname, baseUrl)).resolves.toEqual({path: 'docs/café.mdx', cells: [], notebook: []});
      expect(fetched).toEqual([url]);
    });

    test('rejects when the site has no file for the page, or the file is something else', async () => {
      vi.stubGlobal('fetch', async () => new Response('not found', {status: 404}));
      await expect(loadPageData('/site/docs/none', '/site/')).rejects.toThrow(/HTTP 404/);
      vi.stubGlobal('fetch', async () => new Response('{"title": "x"}', {status: 200}));
      await expect(loadPageData('/site/docs/other', '/site/')).rejects.toThrow(/not a pyodocs page data file/);
    });
  });
});

describe('descriptions of MyST notebooks', () => {
  const NOTEBOOK = `---
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  name: python3
---

+++ {"tags": []}

# Title

+++

The real first paragraph.
`;

  test('the content Docusaurus makes the excerpt from has no +++ markers; other pages are untouched', async () => {
    const markdown = {parseFrontMatter: DEFAULT_PARSE_FRONT_MATTER} as unknown as DocusaurusConfig['markdown'];
    stripNotebookMarkersFromExcerpts(markdown);
    stripNotebookMarkersFromExcerpts(markdown); // once is enough, twice changes nothing
    const parse = (fileContent: string) =>
      markdown.parseFrontMatter({filePath: 'x.md', fileContent, defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER});
    const notebook = await parse(NOTEBOOK);
    expect(notebook.content).not.toContain('+++');
    expect(notebook.content).toContain('The real first paragraph.');
    const plain = await parse('---\ntitle: x\n---\n\n+++ stays\n');
    expect(plain.content).toContain('+++ stays');
  });
});
