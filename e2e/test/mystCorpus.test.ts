import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {buildWheel, lockEntry, pinnedPyodideLock, type Wheel} from '@pyodocs/testing';
import type {Browser, BrowserContext, Locator, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {hydrated, waitForState} from '../src/cells.js';
import {launchChromium} from '../src/chromium.js';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {E2E_DIR, TMP_DIR} from '../src/paths.js';
import {serveStatic, type StaticServer} from '../src/staticServer.js';

// Real MyST notebooks — Jupyter Book's own documentation pages, unchanged,
// with their licence (e2e/fixtures/myst-corpus-site/docs/jupyter-book/NOTICE)
// — in a real `docusaurus build`, then in Chromium. A page of the fixture's
// own (docs/includes.md) includes parts of them and uses the math forms they
// do not.

const CORPUS_DIR = path.join(E2E_DIR, 'fixtures', 'myst-corpus-site', 'docs', 'jupyter-book');
/** Git blob ids of the files at jupyter-book/jupyter-book@01a23a1 (branch v1). */
const UPSTREAM_BLOBS: Record<string, string> = {
  'math.md': '116450853cb5f43ea99e077708fb3f7e63868bad',
  'execute.md': '65af48a7b32b98ad5c31d238aa5d54303f1adee7',
  'hiding.md': 'dffbe887b686888eabd4b757ec538587568d3bd5',
  LICENSE: '2d4fbbfa40a025ec553771df0c5545023c551ea6',
};
const PAGES = {
  math: 'jupyter-book/math',
  execute: 'jupyter-book/execute',
  hiding: 'jupyter-book/hiding',
  includes: '',
} as const;

let site: string;
let outDir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = fixtureCopy('myst-corpus-site');
  outDir = path.join(TMP_DIR, 'myst-corpus-build');
  const result = await buildSite(site, outDir);
  if (result.code !== 0) throw new Error(`myst-corpus-site build failed:\n${result.output}`);
  server = await serveStatic(outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeFixtureCopies();
});

const gitBlobId = (bytes: Buffer) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

function builtHtml(route: string): string {
  return readFileSync(path.join(outDir, route, 'index.html'), 'utf8');
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&amp;', '&');
}

/** The TeX of every KaTeX rendering in the HTML (KaTeX keeps it in its MathML annotation), by kind. */
function typesetMath(html: string): {inline: string[]; display: string[]} {
  const found = {inline: [] as string[], display: [] as string[]};
  const element =
    /data-pyodocs-math="(inline|display)"[^>]*>([\s\S]*?)<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g;
  for (const [, kind, , tex] of html.matchAll(element)) {
    found[kind as 'inline' | 'display'].push(unescapeHtml(tex ?? ''));
  }
  return found;
}

/** The page's <title> and <meta name="description">, as a search engine or a link preview reads them. */
function pageMetadata(html: string): {title: string; description: string | undefined} {
  const title = unescapeHtml(/<title[^>]*>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '');
  const description = /<meta[^>]*\bname="description"[^>]*\bcontent="([^"]*)"/.exec(html)?.[1];
  return {title, description: description === undefined ? undefined : unescapeHtml(description)};
}

/** The page's article text, without code, KaTeX's own markup or tags. */
function articleText(html: string): string {
  const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? '';
  return unescapeHtml(
    article
      .replace(/<(pre|code|annotation)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<span class="katex[\s\S]*?<\/math>/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  );
}

describe('the corpus builds unchanged', () => {
  test("the notebooks and licence are Jupyter Book's files byte for byte, before and after the build", () => {
    for (const dir of [CORPUS_DIR, path.join(site, 'docs', 'jupyter-book')]) {
      const blobs = Object.fromEntries(
        Object.keys(UPSTREAM_BLOBS).map((name) => [name, gitBlobId(readFileSync(path.join(dir, name)))]),
      );
      expect(blobs, dir).toEqual(UPSTREAM_BLOBS);
    }
  });

  test('every math form is KaTeX HTML in the static HTML, backslashes intact, labels numbered and linked', () => {
    const math = builtHtml(PAGES.math);
    const {inline, display} = typesetMath(math);
    expect(inline).toContain('this_{is}^{inline}');
    // $$ … $$, escapes as written (CommonMark alone would have eaten "\,").
    expect(display).toContain('\\int_0^\\infty \\frac{x^3}{e^x-1}\\,dx = \\frac{\\pi^4}{15}');
    // ```{math} with :label: and $$ … $$ (label): numbered in page order, with Sphinx's ids.
    expect(display).toContain('w_{t+1} = (1 + r_{t+1}) s(w_t) + y_{t+1}\\tag{1}');
    expect(display).toContain('w_{t+1} = (1 + r_{t+1}) s(w_t) + y_{t+1}\\tag{2}');
    expect(math).toContain('id="equation-my_label"');
    expect(math).toContain('id="equation-my_other_label"');
    // {eq} references link to them.
    expect(math).toMatch(/<a[^>]*href="#equation-my_label"[^>]*>\(1\)<\/a>/);
    expect(math).toMatch(/<a[^>]*href="#equation-my_other_label"[^>]*>\(2\)<\/a>/);
    // amsmath environments written as paragraphs.
    expect(display.some((tex) => tex.startsWith('\\begin{gather*}') && tex.includes('a_2=b_2+c_2-d_2+e_2'))).toBe(true);
    expect(display.some((tex) => tex.startsWith('\\begin{align}') && tex.includes('a_{22}& =b_{22}+c_{22}'))).toBe(
      true,
    );
    // Nothing left as raw dollar math in the prose.
    const text = articleText(math);
    expect(text).not.toMatch(/\$\$|\\frac|\\int/);

    const includes = builtHtml(PAGES.includes);
    const own = typesetMath(includes);
    expect(own.inline).toContain('\\sqrt{x^2 + 1}'); // the {math} role
    expect(own.display).toContain('\\oint_C \\mathbf{F} \\cdot d\\mathbf{r} = 0\\tag{1}'); // :::{math} with :label:
    expect(includes).toContain('id="equation-colon-fenced"');
    expect(includes).toMatch(/<a[^>]*href="#equation-colon-fenced"[^>]*>\(1\)<\/a>/);
  });

  test('included files are rendered: Markdown (its math and cells too) and a literal block', () => {
    const html = builtHtml(PAGES.includes);
    expect(html).toMatch(/<h3[^>]*>[\s\S]*Latex-style math/);
    expect(typesetMath(html).display.some((tex) => tex.startsWith('\\begin{gather*}'))).toBe(true);
    // execute.md's cell, highlighted (tokens in spans) inside a cell element.
    const cell = /<div[^>]*data-pyodocs-cell="[^"]+"[\s\S]*?<\/pre>/.exec(html)?.[0] ?? '';
    expect(unescapeHtml(cell.replace(/<[^>]+>/g, ''))).toContain('print(thisvariabledoesntexist)');
    expect(html).toMatch(/<pre[\s\S]*?BSD 3-Clause License[\s\S]*?All rights reserved\.[\s\S]*?<\/pre>/);
    expect(html).not.toContain('{include}');
  });

  test('no MyST marker in a page title, description, table of contents or text', () => {
    for (const route of Object.values(PAGES)) {
      const html = builtHtml(route);
      const {title, description} = pageMetadata(html);
      const toc = [...html.matchAll(/class="table-of-contents__link[^"]*"[^>]*>([\s\S]*?)<\/a>/g)].map(([, entry]) =>
        unescapeHtml((entry ?? '').replace(/<[^>]+>/g, '')),
      );
      for (const text of [title, description ?? '', ...toc]) {
        expect(text, `${route}: ${text}`).not.toMatch(
          /\+\+\+|\)=|:::|```|\{code-cell\}|\{math\}|:tags:|jupytext|kernelspec|\$|\\/,
        );
      }
      const prose = articleText(html);
      expect(prose, route).not.toMatch(/^\s*\+\+\+/m);
      expect(prose, route).not.toMatch(/\([\w:/-]+\)=/);
      expect(prose, route).not.toContain('format_name');
    }
    // The h1 of a notebook whose first line is a target is its title in the page, and the page's title;
    // its description is its first paragraph (not the target, nor a +++ or a colon fence).
    expect(builtHtml(PAGES.math)).toMatch(/<h1[^>]*>Math and equations<\/h1>/);
    expect(pageMetadata(builtHtml(PAGES.math))).toEqual({
      title: 'Math and equations | MyST corpus',
      description: 'Jupyter Book uses MathJax for typesetting math in your HTML book build.',
    });
    expect(pageMetadata(builtHtml(PAGES.includes))).toEqual({
      title: 'Included from the corpus | MyST corpus',
      description: 'A page of this fixture (not part of the corpus) that includes parts of the',
    });
    // Targets become ids that links can land on.
    expect(builtHtml(PAGES.hiding)).toContain('id="hiding/remove-content"');
  });
});

describe('in Chromium', () => {
  test('the math page loads no math JavaScript, only KaTeX’s stylesheet, and the math shows typeset', async () => {
    const page = await browser.newPage();
    const scripts: Array<Promise<string>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
    });
    await page.goto(`${server.url}/${PAGES.math}`, {waitUntil: 'networkidle'});
    await hydrated(page);
    const bodies = await Promise.all(scripts);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toContain('KaTeX parse error');
    // KaTeX's CSS is applied: the MathML copy is visually hidden, the HTML rendering has a size.
    const mathml = page.locator('.katex-mathml').first();
    expect(await mathml.evaluate((element) => getComputedStyle(element).position)).toBe('absolute');
    const box = await page.locator('[data-pyodocs-math="display"] .katex-html').first().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(10);
    await page.close();
  });

  test("execute.md's cells run in order as Jupyter Book runs them", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/${PAGES.execute}`, {waitUntil: 'networkidle'});
    const cells = await visibleCellsOf(page);
    const results = [];
    for (const cell of cells) results.push(await run(cell));
    expect(results.map(([state]) => state)).toEqual(['error', 'done', 'done']);
    expect(results[0]?.[1]).toMatch(/NameError: name 'thisvariabledoesntexist' is not defined/);
    expect(results[1]?.[1]).toContain('this is some stdout');
    await page.close();
  });

  test("hiding.md's cells run in order with numpy and matplotlib stand-ins", async () => {
    const {context, page} = await openWithStandIns(PAGES.hiding);
    const cells = await visibleCellsOf(page);
    expect(cells.length).toBe(4);
    for (const cell of cells) {
      const [state, output] = await run(cell);
      expect(state, output).toBe('done');
    }
    await context.close();
  });
});

// Depends on the run-previous feature of @pyodocs/react (the cells helper's
// brief, C8): running a cell first runs the earlier cells of its session
// that have not run. The lead enables this block when that lands on main.
describe('running the last cell first gives what running all cells in order gives', () => {
  test.each([PAGES.execute, PAGES.hiding, PAGES.includes])('page /%s', async (route) => {
    const inOrder = await openWithStandIns(route);
    const all = await visibleCellsOf(inOrder.page);
    const expected = [];
    for (const cell of all) expected.push(await run(cell));
    await inOrder.context.close();

    const lastFirst = await openWithStandIns(route);
    const cells = await visibleCellsOf(lastFirst.page);
    await run(cells.at(-1) as Locator);
    const actual = [];
    for (const cell of cells) actual.push([await waitForState(cell, ['done', 'error']), await outputOf(cell)]);
    expect(actual).toEqual(expected);
    await lastFirst.context.close();
  });
});

/** Cells of the page that a reader can run by hand (a remove-cell cell is not shown). */
async function visibleCellsOf(page: Page): Promise<Locator[]> {
  const cells = page.locator('[data-pyodocs-cell]:not([data-tags~="remove-cell"])');
  return Array.from({length: await cells.count()}, (_, index) => cells.nth(index));
}

/** Opens the cell's folds so its buttons can be clicked, runs it; its state and output. */
async function run(cell: Locator): Promise<[state: string, output: string]> {
  await hydrated(cell.page());
  const fold = cell.locator('details[data-pyodocs-fold="cell"]');
  if ((await fold.count()) > 0 && (await fold.getAttribute('open')) === null) await fold.locator('> summary').click();
  await cell.getByRole('button', {name: 'Run', exact: true}).click();
  const state = await waitForState(cell, ['done', 'error']);
  return [state, await outputOf(cell)];
}

async function outputOf(cell: Locator): Promise<string> {
  const area = cell.locator('[data-pyodocs-output]');
  return (await area.count()) > 0 ? ((await area.textContent()) ?? '').trim() : '';
}

// hiding.md draws scatter plots with numpy and matplotlib, whose wasm builds
// cannot be had here: the official distribution (its CDN URL, intercepted)
// serves pure-Python stand-ins with just what the notebook calls, listed in
// the site's lock in place of the real packages.
const realLock = pinnedPyodideLock();
/** The official distribution of the Pyodide the site self-hosts under /pyodide/<version>/ (the lock's info has no version). */
const officialUrl = () => `https://cdn.jsdelivr.net/pyodide/v${readdirSync(path.join(outDir, 'pyodide'))[0]}/full/`;
const STAND_INS: Array<{wheel: Wheel; name: string; imports: string[]}> = [
  {
    name: 'numpy',
    imports: ['numpy'],
    wheel: buildWheel({
      name: 'numpy',
      version: realLock.packages['numpy']?.version ?? '2.0.0',
      files: {
        'numpy/__init__.py': [
          '"""A stand-in for numpy: what Jupyter Book\'s hiding.md calls."""',
          'import builtins',
          'import random as _random',
          '',
          'class ndarray(list):',
          '    def __mul__(self, other):',
          '        return ndarray(value * other for value in self)',
          '    __rmul__ = __mul__',
          '',
          'class random:',
          '    @staticmethod',
          '    def randn(*shape):',
          '        if len(shape) == 1:',
          '            return ndarray(_random.gauss(0, 1) for _ in range(shape[0]))',
          '        return ndarray(random.randn(*shape[1:]) for _ in range(shape[0]))',
          '',
          'def abs(values):',
          '    return ndarray(builtins.abs(value) for value in values)',
          '',
        ].join('\n'),
      },
    }),
  },
  {
    name: 'matplotlib',
    imports: ['matplotlib'],
    wheel: buildWheel({
      name: 'matplotlib',
      version: realLock.packages['matplotlib']?.version ?? '3.8.0',
      files: {
        'matplotlib/__init__.py': '"""A stand-in for matplotlib: what Jupyter Book\'s hiding.md calls."""\n',
        'matplotlib/pyplot.py': [
          'def ion():',
          '    pass',
          '',
          'class Axes:',
          '    def scatter(self, *points, **style):',
          '        return None',
          '',
          'def subplots(*args, **kwargs):',
          '    return object(), Axes()',
          '',
        ].join('\n'),
      },
    }),
  },
];
const standInLock = {
  ...realLock,
  packages: {
    ...realLock.packages,
    ...Object.fromEntries(
      STAND_INS.map(({wheel, name, imports}) => [
        name,
        lockEntry(wheel, {name, version: realLock.packages[name]?.version ?? '0', imports}),
      ]),
    ),
  },
};

/** The page in a context where the official distribution serves the stand-ins, and nothing leaves 127.0.0.1. */
async function openWithStandIns(route: string): Promise<{context: BrowserContext; page: Page}> {
  const context = await browser.newContext();
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (outside) => outside.abort('internetdisconnected'));
  const distribution = officialUrl();
  await context.route(`${distribution}**`, (official) => {
    const file = official.request().url().slice(distribution.length);
    const standIn = STAND_INS.find(({wheel}) => wheel.fileName === file);
    const headers = {'access-control-allow-origin': '*'};
    return standIn
      ? official.fulfill({status: 200, body: Buffer.from(standIn.wheel.bytes), headers})
      : official.fulfill({status: 404, body: 'not found', headers});
  });
  await context.route(/\/pyodide\/[^/]+\/pyodide-lock\.json$/, (lock) =>
    lock.fulfill({status: 200, body: JSON.stringify(standInLock), contentType: 'application/json'}),
  );
  const page = await context.newPage();
  await page.goto(`${server.url}/${route}`, {waitUntil: 'networkidle'});
  return {context, page};
}
