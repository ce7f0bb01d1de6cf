import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cellById, hydrated, outputText, runCell, waitForState} from '../src/cells.js';
import {launchChromium} from '../src/chromium.js';
import {minifyOnDemandChunk} from '../../packages/docusaurus-plugin/lib/onDemandChunksMinifier.js';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {recordPageErrors} from '../src/pageErrors.js';
import {serveStatic, type StaticServer} from '../src/staticServer.js';

// A site built minified, as a user's `docusaurus build` is, with Docusaurus's
// default minimizer (webpack's Terser). The other e2e files build with
// --no-minify; here the chunks cells load on demand go through the plugin's
// esbuild minifier (onDemandChunksMinifier.ts) and the page's own chunks
// through Terser. Each on-demand part is then used in Chromium: the run code,
// the output renderers, the editor's set-up and the input() field.

const PAGE = `---
title: Minified
slug: /
---

# Minified

\`\`\`python run id=min-print
print("minified", 6 * 7)
\`\`\`

\`\`\`python run id=min-html
class Table:
    def _repr_html_(self):
        return "<table><tr><td>an HTML output</td></tr></table>"

Table()
\`\`\`

\`\`\`python run id=min-markdown
class Note:
    def _repr_markdown_(self):
        return "a **Markdown** output"

Note()
\`\`\`

\`\`\`python run id=min-error session=min-error
raise ValueError("a traceback")
\`\`\`

\`\`\`python run id=min-input session=min-input
name = input("What is your name?")
print(f"Hello, {name}!")
\`\`\`
`;

let assetsDir = '';
let unminifiedAssetsDir = '';
let serverBundle = '';
let buildOutput = '';
let server: StaticServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];
let errors: string[] = [];

beforeAll(async () => {
  const site = fixtureCopy('minimal-site');
  writeFileSync(path.join(site, 'docs', 'index.mdx'), PAGE);
  const outDir = path.join(site, 'build');
  assetsDir = path.join(outDir, 'assets', 'js');
  const result = await buildSite(site, outDir, {minify: true});
  buildOutput = result.output;
  if (result.code !== 0) throw new Error(`minified docusaurus build failed (exit ${result.code}):\n${result.output}`);
  // The same site unminified: the chunks as webpack writes them, before any minimizer.
  // Its server bundle kept, to read what the pages were rendered with.
  const unminified = await buildSite(site, path.join(site, 'build-unminified'), {
    env: {DOCUSAURUS_KEEP_SERVER_BUNDLE: 'true'},
  });
  if (unminified.code !== 0) throw new Error(`docusaurus build --no-minify failed:\n${unminified.output}`);
  unminifiedAssetsDir = path.join(site, 'build-unminified', 'assets', 'js');
  serverBundle = readFileSync(path.join(site, 'build-unminified', '__server', 'server.bundle.js'), 'utf8');
  // Isolated: input() then waits on shared memory.
  server = await serveStatic(outDir, {crossOriginIsolation: true});
  browser = await launchChromium();
  page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  page.on('request', (request) => requests.push(request.url()));
  errors = recordPageErrors(page);
  await page.goto(`${server.url}/`, {waitUntil: 'networkidle'});
  await hydrated(page);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeFixtureCopies();
});

function script(prefix: string, dir = assetsDir): string {
  const file = readdirSync(dir).find((name) => name.startsWith(`${prefix}.`) && name.endsWith('.js'));
  if (file === undefined) throw new Error(`no ${prefix} chunk in ${dir}`);
  return readFileSync(path.join(dir, file), 'utf8');
}

/** Code of the output renderers' libraries (DOMPurify, KaTeX, anser). */
const RENDERER_CODE = /DOMPurify|KaTeX parse error|ansiToJson/;

describe('a site built minified with Docusaurus’s default minimizer', () => {
  test('its cells’ chunks are minified: the run code by esbuild, the page’s chunk by Terser', async () => {
    expect(buildOutput).not.toContain('esbuild could not minify');
    expect(script('pyodocs-run')).toBe(await minifyOnDemandChunk(script('pyodocs-run', unminifiedAssetsDir)));
    expect(script('pyodocs-cells')).not.toBe(await minifyOnDemandChunk(script('pyodocs-cells', unminifiedAssetsDir)));
    for (const chunk of ['pyodocs-cells', 'pyodocs-run']) {
      const code = script(chunk);
      // The bundler's own names mangled, no indented line.
      expect(code, chunk).not.toContain('__webpack_require__');
      expect(code.split('\n').filter((line) => /^\s+\S/.test(line)).length, chunk).toBe(0);
    }
  });

  test("no cell of this site can have outputs at build: its server bundle has the renderers' stand-in, not the renderers", () => {
    // Matches only, not the bundle, in a failure's message.
    expect(serverBundle.match(RENDERER_CODE)?.[0]).toBeUndefined();
    expect(serverBundle.match(/rendered cell outputs while it was built/)?.[0]).toBeDefined();
    // The browser's are whole: the outputs below render with them.
    const browserCode = readdirSync(unminifiedAssetsDir).map((file) =>
      readFileSync(path.join(unminifiedAssetsDir, file), 'utf8'),
    );
    expect(browserCode.join('\n')).toMatch(RENDERER_CODE);
  });

  test('a cell runs (the run code); edited, it runs the edit (the editor)', async () => {
    const cell = cellById(page, 'min-print');
    expect(await runCell(cell, 150_000), errors.join('\n')).toBe('done');
    expect(await outputText(cell)).toBe('minified 42');
    expect(requests.filter((url) => /\/pyodocs-run\.[0-9a-f]+\.js$/.test(url))).toHaveLength(1);
    await cell.getByRole('button', {name: 'Edit'}).click();
    const editor = cell.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('print("edited", 6 * 7)');
    expect(await runCell(cell), errors.join('\n')).toBe('done');
    expect(await outputText(cell)).toBe('edited 42');
  });

  test('HTML and Markdown outputs render (the output renderers)', async () => {
    const html = cellById(page, 'min-html');
    expect(await runCell(html), errors.join('\n')).toBe('done');
    expect(await html.locator('[data-pyodocs-output] table td').innerText()).toBe('an HTML output');
    const markdown = cellById(page, 'min-markdown');
    expect(await runCell(markdown), errors.join('\n')).toBe('done');
    expect(await markdown.locator('[data-pyodocs-output] strong').innerText()).toBe('Markdown');
  });

  test('an exception shows its traceback', async () => {
    const cell = cellById(page, 'min-error');
    expect(await runCell(cell)).toBe('error');
    expect(await outputText(cell)).toContain('ValueError: a traceback');
  });

  test('input() shows its field; what the reader types is returned', async () => {
    const cell = cellById(page, 'min-input');
    await cell.getByRole('button', {name: 'Run', exact: true}).click();
    const field = cell.getByRole('textbox', {name: /Input for the running code/});
    await field.waitFor();
    await field.fill('Ada');
    await field.press('Enter');
    expect(await waitForState(cell, ['done', 'error'])).toBe('done');
    expect(await outputText(cell)).toContain('Hello, Ada!');
  });

  test('nothing failed in the page', () => {
    expect(errors).toEqual([]);
  });
});
