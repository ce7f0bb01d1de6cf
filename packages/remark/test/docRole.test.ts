import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {stringifyPage} from './stringifyPage.js';
import {
  type LinkedDocument,
  type PageFileRead,
  type RemarkPythonCellsOptions,
  remarkPythonCells,
} from '../src/index.js';

// The site's pages as the Docusaurus plugin knows them: source file → URL and title.
const site = mkdtempSync(path.join(tmpdir(), 'pyodocs-doc-role-')).replaceAll('\\', '/');
const pageFile = `${site}/docs/tutorials/page.md`;
const pages: Record<string, LinkedDocument> = {
  [`${site}/docs/tutorials/tutorial-svd.md`]: {
    url: '/docs/tutorials/tutorial-svd',
    title: 'Linear algebra on n-dimensional arrays',
    file: `${site}/docs/tutorials/tutorial-svd.md`,
  },
  [`${site}/docs/intro.mdx`]: {url: '/docs/intro', title: 'Introduction'},
};
const asked: [string, string][] = [];
function resolveDocument(target: string, fromPage: string): LinkedDocument | undefined {
  asked.push([target, fromPage]);
  const base = target.startsWith('/') ? `${site}/docs${target}` : path.posix.join(path.posix.dirname(fromPage), target);
  return pages[`${base}.md`] ?? pages[`${base}.mdx`] ?? pages[base];
}

async function run(markdown: string, options: RemarkPythonCellsOptions & {mdx?: boolean} = {}): Promise<string> {
  const path = options.mdx ? pageFile.replace(/\.md$/, '.mdx') : pageFile;
  return stringifyPage(markdown, {path, cwd: site}, {resolveDocument, ...options});
}

describe('the MyST {doc} role links a page of the site', () => {
  test("a target relative to the page: a link with that page's title; the text around it stays", async () => {
    asked.length = 0;
    expect(await run('Take the {doc}`tutorial-svd` tutorial, then {doc}`/intro`.\n')).toBe(
      'Take the [Linear algebra on n-dimensional arrays](/docs/tutorials/tutorial-svd) tutorial, then [Introduction](/docs/intro).',
    );
    expect(asked).toEqual([
      ['tutorial-svd', pageFile],
      ['/intro', pageFile],
    ]);
  });

  test('`text <target>`: the text given, as in MyST and Sphinx; a target with its extension', async () => {
    expect(await run('See {doc}`the SVD tutorial <tutorial-svd.md>` and {doc}`start <../intro>`.\n')).toBe(
      'See [the SVD tutorial](/docs/tutorials/tutorial-svd) and [start](/docs/intro).',
    );
  });

  test('in MDX, where `{doc}` is an expression; in a list item and an admonition', async () => {
    expect(await run('- {doc}`tutorial-svd`\n', {mdx: true})).toBe(
      '* [Linear algebra on n-dimensional arrays](/docs/tutorials/tutorial-svd)',
    );
    expect(await run('```{note}\nRead {doc}`tutorial-svd` first.\n```\n')).toContain(
      'Read [Linear algebra on n-dimensional arrays](/docs/tutorials/tutorial-svd) first.',
    );
  });

  test('a target that is no page fails the page at the role, saying what it looked for', async () => {
    await expect(run('# Page\n\nAnd {doc}`tutorial-svdd` here.\n')).rejects.toThrow(
      'docs/tutorials/page.md:3:5: {doc}`tutorial-svdd` names no page of this site: there is no page tutorial-svdd.md or tutorial-svdd.mdx.',
    );
    await expect(run('{doc}`Text <>`\n')).rejects.toThrow(/names no page of this site/);
  });

  test('the linked page is a file the page read (rebuilt when it changes); a missing target, the files it could be', async () => {
    const reads: PageFileRead[] = [];
    await run('{doc}`tutorial-svd`\n', {onFileRead: (read) => reads.push(read)});
    await expect(run('{doc}`../later`\n', {onFileRead: (read) => reads.push(read)})).rejects.toThrow(/names no page/);
    expect(reads).toEqual([
      {page: pageFile, file: `${site}/docs/tutorials/tutorial-svd.md`, exists: true},
      {page: pageFile, file: `${site}/docs/later.md`, exists: false},
      {page: pageFile, file: `${site}/docs/later.mdx`, exists: false},
    ]);
  });

  test('with onBrokenReference a function: told the message, the role shows its text or its target', async () => {
    const told: string[] = [];
    const output = await run('See {doc}`nope` and {doc}`this page <nope2>`.\n', {
      onBrokenReference: (m) => told.push(m),
    });
    expect(output).toBe('See nope and this page.');
    expect(told.map((message) => message.slice(0, message.indexOf(' names')))).toEqual([
      'docs/tutorials/page.md:1:5: {doc}`nope`',
      'docs/tutorials/page.md:1:21: {doc}`this page <nope2>`',
    ]);
  });

  test('without resolveDocument (a host that does not know its pages) the role stays as written', async () => {
    expect(await run('Take the {doc}`tutorial-svd` tutorial.\n', {resolveDocument: undefined})).toBe(
      'Take the {doc}`tutorial-svd` tutorial.',
    );
  });

  test('in a file the page includes, the target is relative to the page, as Sphinx reads included text', async () => {
    mkdirSync(`${site}/docs/parts`, {recursive: true});
    writeFileSync(`${site}/docs/parts/part.md`, 'Part: {doc}`tutorial-svd`.\n');
    asked.length = 0;
    expect(await run('```{include} ../parts/part.md\n```\n')).toBe(
      'Part: [Linear algebra on n-dimensional arrays](/docs/tutorials/tutorial-svd).',
    );
    expect(asked).toEqual([['tutorial-svd', pageFile]]);
  });

  test('resolveDocument must be a function', () => {
    expect(() => remarkPythonCells({resolveDocument: '/docs/' as never})).toThrow(
      /option "resolveDocument" must be a function/,
    );
  });
});

describe("Sphinx's {toctree} lists the site's pages", () => {
  test('each entry a link with its title (or the one given); self left out; caption, numbering, order as asked', async () => {
    const output = await run(
      '```{toctree}\n:maxdepth: 2\n:caption: Contents\n:numbered:\n:reversed:\n\nself\ntutorial-svd\nStart here </intro>\nNumPy <https://numpy.org>\n```\n',
    );
    expect(output).toBe(
      '**Contents**\n\n1. [NumPy](https://numpy.org)\n2. [Start here](/docs/intro)\n3. [Linear algebra on n-dimensional arrays](/docs/tutorials/tutorial-svd)',
    );
  });

  test('a hidden one shows nothing (the sidebar is the navigation); colon fences too', async () => {
    expect(await run('Before.\n\n:::{toctree}\n:hidden:\ntutorial-svd\n:::\n\nAfter.\n')).toBe('Before.\n\nAfter.');
  });

  test('an entry that is no page is a broken link at its line; a glob pattern is reported', async () => {
    await expect(run('# Index\n\n```{toctree}\n:maxdepth: 1\n\ntutorial-svd\nmissing-page\n```\n')).rejects.toThrow(
      'docs/tutorials/page.md:7:1: The {toctree} entry "missing-page" names no page of this site: there is no page missing-page.md or missing-page.mdx.',
    );
    await expect(run('```{toctree}\n:glob:\n\ntutorials/*\n```\n')).rejects.toThrow(
      'docs/tutorials/page.md:4:1: This {toctree} entry is a glob pattern (tutorials/*), which pyodocs does not expand',
    );
  });

  test('without resolveDocument (another MDX site) it stays as written', async () => {
    const output = await stringifyPage('```{toctree}\nintro\n```\n', {path: pageFile, cwd: site});
    expect(output).toBe('```{toctree}\nintro\n```');
  });
});
