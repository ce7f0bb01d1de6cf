import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cellById, hydrated, outputText, runCell} from '../src/cells.js';
import {launchChromium} from '../src/chromium.js';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {recordPageErrors} from '../src/pageErrors.js';
import {serveStatic, type StaticServer} from '../src/staticServer.js';

// A site with Docusaurus Faster (future: {v4: true, faster: true}): Rspack
// instead of webpack, SWC's minifier instead of Terser. Built once, minified
// as a user's build is, with the real `docusaurus build`; driven in Chromium.
// Rspack lacked ChunkGroup.parentsIterable, which the cells' cache group read:
// such a site did not build at all.
//
// The build goes into the fixture copy, not e2e/.tmp: Rspack's server bundle
// loads its chunks from files beside it, which Node reads as ES modules under
// e2e/package.json ("type": "module"), and Docusaurus then writes its error
// page into every HTML file, with or without pyodocs (webpack's server bundle
// is one file). A site whose own package.json says "type": "module" meets the
// same with Faster.

let outDir = '';
let assetsDir = '';

/** Cell code in a script (as siteWithoutCells.test.ts looks for it, less the chunk names a runtime lists). */
const CELL_CODE = /data-pyodocs|\.pyodocs-[a-z]|"docusaurus-plugin-pyodocs":\{"default"|pyodocs\.react/;
const PYODOCS_CHUNK = /\/assets\/js\/pyodocs-[a-z-]+\.[0-9a-f]+\.js$/;

let buildOutput = '';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const site = fixtureCopy('faster-site');
  outDir = path.join(site, 'build');
  assetsDir = path.join(outDir, 'assets', 'js');
  const result = await buildSite(site, outDir, {minify: true});
  buildOutput = result.output;
  if (result.code !== 0)
    throw new Error(`docusaurus build with Faster failed (exit ${result.code}):\n${result.output}`);
  server = await serveStatic(outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeFixtureCopies();
});

function scripts(): string[] {
  return readdirSync(assetsDir).filter((file) => file.endsWith('.js'));
}

function script(file: string): string {
  return readFileSync(path.join(assetsDir, file), 'utf8');
}

/** A page that records the scripts it requests and the errors it throws. */
async function openPage(pathname: string): Promise<{page: Page; requests: string[]; errors: string[]}> {
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const errors = recordPageErrors(page);
  await page.goto(server.url + pathname, {waitUntil: 'networkidle'});
  await hydrated(page);
  return {page, requests, errors};
}

describe('a Docusaurus Faster site (Rspack)', () => {
  test('its static HTML has the cells and their code, and the page without cells has none', () => {
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    // (The minified HTML quotes attributes only where needed.)
    expect(Array.from(html.matchAll(/data-pyodocs-cell="?([\w-]+)/g), (match) => match[1])).toEqual([
      'faster-print',
      'faster-math',
    ]);
    expect(html).toContain('built by');
    const plain = readFileSync(path.join(outDir, 'no-cells', 'index.html'), 'utf8');
    expect(plain).toContain('A page of the same site without a cell');
    expect(plain).not.toContain('data-pyodocs-cell');
    // The cells' styles, linked from each page's head, were emitted through Rspack too.
    const href = /<link[^>]*href="?\/(pyodocs\/styles\.[0-9a-f]{8}\.css)/.exec(html)?.[1];
    expect(href, html.slice(0, 2000)).toBeDefined();
    expect(readFileSync(path.join(outDir, href ?? ''), 'utf8')).toContain('.pyodocs-toolbar{');
  });

  test('builds with Rspack, and its cells’ chunks went through Rspack’s minimizer; the prebuilt libraries’ chunks did not', () => {
    const runtime = scripts().find((file) => file.startsWith('runtime~main.'));
    expect(runtime, buildOutput).toBeDefined();
    // Rspack's runtime names its bundler: this is not a webpack build.
    expect(script(runtime as string)).toContain('bundler=rspack@');

    const ours = scripts().filter((file) => file.startsWith('pyodocs-'));
    const vendor = ours.filter((file) => file.startsWith('pyodocs-vendor-'));
    const cells = ours.filter((file) => !vendor.includes(file));
    expect(cells.map((file) => file.replace(/\.[0-9a-f]+\.js$/, ''))).toEqual(
      expect.arrayContaining(['pyodocs-cells', 'pyodocs-run']),
    );
    for (const file of cells) {
      const code = script(file);
      // Minified: the bundler's own names mangled, no indented line.
      expect(code, file).not.toContain('__webpack_require__');
      expect(code.split('\n').filter((line) => /^\s+\S/.test(line)).length, file).toBe(0);
    }
    // The prebuilt libraries (already minified by @pyodocs/react's build) are
    // marked `minimized`, and Rspack's minimizer honours it as Terser does:
    // the bundler's wrapper around them stays as Rspack wrote it.
    expect(vendor.length).toBeGreaterThan(0);
    for (const file of vendor) expect(script(file), file).toContain('__webpack_require__');
  });

  test('a page without cells loads none of their code; a page with cells runs one, and typesets its math', async () => {
    const {page, requests, errors} = await openPage('/no-cells');
    try {
      await page.waitForTimeout(500);
      expect(await page.locator('[data-pyodocs-cell]').count()).toBe(0);
      const loaded = requests.filter((url) => url.startsWith(server.url) && url.endsWith('.js'));
      expect(loaded.length).toBeGreaterThan(0);
      expect(loaded.filter((url) => PYODOCS_CHUNK.test(url))).toEqual([]);
      // Nor anywhere else: no script it loads holds cell code (with three
      // routes, Rspack put it all into Docusaurus's `common` chunk, which every
      // page loads: see the fixture's docusaurus.config.js).
      expect(loaded.filter((url) => CELL_CODE.test(script(path.basename(new URL(url).pathname))))).toEqual([]);

      // Client-side navigation to the page with cells.
      await page.locator('nav.menu').getByRole('link', {name: 'Cells', exact: true}).click();
      await page.waitForURL(`${server.url}/`);
      const printing = cellById(page, 'faster-print');
      expect(await runCell(printing, 150_000), errors.join('\n')).toBe('done');
      expect(await outputText(printing)).toBe('built by Rspack');
      expect(requests.filter((url) => /\/pyodocs-cells\.[0-9a-f]+\.js$/.test(url))).toHaveLength(1);

      const math = cellById(page, 'faster-math');
      expect(await runCell(math, 30_000), errors.join('\n')).toBe('done');
      const display = math.locator('[data-pyodocs-output] [data-mime-type="text/latex"] .katex-display');
      await display.waitFor();
      expect(await display.locator('.katex-html').count()).toBe(1);
      expect(await display.locator('.katex annotation').textContent()).toContain('\\frac{1}{3}');
      // KaTeX came in its prebuilt chunk, the one the minimizer left alone,
      // and its stylesheet from the site's copy (the plugin's resolve alias).
      expect(requests.filter((url) => /\/pyodocs-vendor-katex\.[0-9a-f]+\.js$/.test(url))).toHaveLength(1);
      expect(requests.filter((url) => /\/pyodocs\/katex\/\d+\.\d+\.\d+\/katex\.min\.css$/.test(url))).toHaveLength(1);
      expect(await display.locator('.katex').evaluate((element) => getComputedStyle(element).fontFamily)).toContain(
        'KaTeX',
      );
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
