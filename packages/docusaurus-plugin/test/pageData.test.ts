import type {DocusaurusConfig} from '@docusaurus/types';
import {DEFAULT_PARSE_FRONT_MATTER, parseMarkdownFile} from '@docusaurus/utils';
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

describe('titles and descriptions of MyST notebooks', () => {
  const FRONT_MATTER = `---
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  name: python3
---
`;
  const markdown = {parseFrontMatter: DEFAULT_PARSE_FRONT_MATTER} as unknown as DocusaurusConfig['markdown'];
  stripNotebookMarkersFromExcerpts(markdown);
  stripNotebookMarkersFromExcerpts(markdown); // once is enough, twice changes nothing
  /** What Docusaurus's docs and blog plugins make of a file: its title and description. */
  const metadata = async (fileContent: string) => {
    const {contentTitle, excerpt} = await parseMarkdownFile({
      filePath: 'x.md',
      fileContent,
      parseFrontMatter: markdown.parseFrontMatter,
      removeContentTitle: false,
    });
    return {title: contentTitle, description: excerpt};
  };

  test.each([
    ['+++ markers', '+++ {"tags": []}\n\n# Title\n\n+++\n\nThe real first paragraph.\n'],
    ['a (label)= target above the title', '(content:title)=\n# Title\n\nThe real first paragraph.\n'],
    ['a % comment', '% written by hand\n# Title\n\n% more\nThe real first paragraph.\n'],
    [
      'a code cell with options before the prose',
      '# Title\n\n```{code-cell} ipython3\n---\ntags: [remove-cell]\n---\nimport x\n```\n\nThe real first paragraph.\n',
    ],
    ['a colon-fenced directive', '# Title\n\n:::{math}\n:label: first\na^2 + b^2\n:::\n\nThe real first paragraph.\n'],
    ['a fenced admonition', '# Title\n\n```{note}\nAn aside.\n```\n\nThe real first paragraph.\n'],
    ['display math', '# Title\n\n$$\nx^2\n$$\n\nThe real first paragraph.\n'],
    ['inline math and roles', '# Title\n\nThe real first $x^2$ paragraph{math}`y`.\n'],
  ])('%s: neither the title nor the description holds MyST markup', async (_kind, body) => {
    expect(await metadata(`${FRONT_MATTER}\n${body}`)).toEqual({
      title: 'Title',
      description: 'The real first paragraph.',
    });
  });

  test('pages that are not notebooks are left to Docusaurus', async () => {
    expect(await metadata('---\ntitle: x\n---\n\n+++ stays\n')).toEqual({title: undefined, description: '+++ stays'});
  });
});
