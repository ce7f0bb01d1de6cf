import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {launchChromium} from '../src/chromium.js';
import {startDevServer, type DevServer} from '../src/devServer.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';

// `docusaurus start` serves the self-hosted Pyodide files and our worker, so
// cells run in development exactly as in the built site; and it rebuilds a
// page when a file the page includes changes, or appears after the page
// failed for want of it. One dev server for the file.

let site: string;
let devServer: DevServer | undefined;
let browser: Browser | undefined;

const INCLUDED = path.join('docs', '_parts', 'included.md');

beforeAll(async () => {
  site = fixtureCopy('minimal-site');
  // A page that `{include}`s a file (docs/_parts is not a page of its own).
  mkdirSync(path.join(site, 'docs', '_parts'));
  writeFileSync(path.join(site, INCLUDED), 'The included text, first version.\n');
  writeFileSync(
    path.join(site, 'docs', 'with-include.md'),
    '# A page with an include\n\n```{include} _parts/included.md\n```\n',
  );
  devServer = await startDevServer(site);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  devServer?.stop();
  removeFixtureCopies();
});

test('docusaurus start serves the Pyodide runtime files, the worker, KaTeX’s stylesheet and the cells’ styles', async () => {
  const base = devServer!.url;

  // The plugin's client data (a generated file the cells import) names the URLs the browser will use.
  const clientData = JSON.parse(
    readFileSync(path.join(site, '.docusaurus', 'docusaurus-plugin-pyodocs', 'default', 'clientData.json'), 'utf8'),
  ) as {config: {indexURL: string; workerUrl: string}; katexStylesheet: string};
  const {indexURL, workerUrl} = clientData.config;
  expect(indexURL).toMatch(/^\/pyodide\/314\.\d+\.\d+\/$/);

  const wasm = await fetch(`${base}${indexURL}pyodide.asm.wasm`);
  expect(wasm.status).toBe(200);
  expect((await wasm.arrayBuffer()).byteLength).toBeGreaterThan(5_000_000);
  const mjs = await fetch(`${base}${indexURL}pyodide.mjs`);
  expect(mjs.status).toBe(200);
  expect(await mjs.text()).toContain('loadPyodide');
  const worker = await fetch(`${base}${workerUrl}`);
  expect(worker.status).toBe(200);
  expect(worker.headers.get('content-type')).toMatch(/javascript/);
  // KaTeX's stylesheet for math outputs, with its fonts beside it (the site's copy, not bundled).
  const katexStylesheet = await fetch(`${base}${clientData.katexStylesheet}`);
  expect(katexStylesheet.status).toBe(200);
  expect(await katexStylesheet.text()).toContain('url(fonts/KaTeX_Main-Regular.woff2)');
  const font = await fetch(new URL('fonts/KaTeX_Main-Regular.woff2', `${base}${clientData.katexStylesheet}`));
  expect(font.status).toBe(200);
  // The cells' styles: a file the page's head links, not a part of the site's bundled stylesheet.
  const html = await (await fetch(`${base}/`)).text();
  const href = /<link[^>]*href="([^"]*pyodocs\/styles\.[0-9a-f]{8}\.css)"/.exec(html)?.[1];
  expect(href, html.slice(0, 2000)).toBeDefined();
  const cellStyles = await fetch(`${base}${href}`);
  expect(cellStyles.status).toBe(200);
  expect(await cellStyles.text()).toContain('.pyodocs-toolbar{');
}, 300_000);

test('editing a file a page includes rebuilds the page (the included file is a dependency of its module)', async () => {
  browser = await launchChromium();
  const page = await browser.newPage();
  const article = page.locator('article');
  await page.goto(`${devServer!.url}/with-include`);
  await expect.poll(() => article.textContent(), {timeout: 60_000}).toContain('The included text, first version.');

  writeFileSync(path.join(site, INCLUDED), 'The included text, second version.\n');
  // The dev server reloads the page once it has rebuilt it; reloading by hand too covers a missed reload.
  await expect
    .poll(
      async () => {
        await page.reload();
        return article.textContent({timeout: 30_000});
      },
      {timeout: 120_000, interval: 2_000},
    )
    .toContain('The included text, second version.');
}, 300_000);

test('a page that failed for want of an {include}d file compiles again when the file appears', async () => {
  browser ??= await launchChromium();
  const page = await browser.newPage();
  const article = page.locator('article');
  // Written while the server runs, as an author would: the page fails (there is no such file yet).
  writeFileSync(
    path.join(site, 'docs', 'with-later-include.md'),
    '# A page whose include comes later\n\n```{include} _parts/later.md\n```\n',
  );
  await expect
    .poll(() => devServer!.log(), {timeout: 120_000, interval: 1_000})
    .toMatch(/Cannot include "_parts\/later\.md": there is no file/);

  writeFileSync(path.join(site, 'docs', '_parts', 'later.md'), 'The text that came later.\n');
  await expect
    .poll(
      async () => {
        await page.goto(`${devServer!.url}/with-later-include`);
        return article.textContent({timeout: 30_000}).catch(() => '');
      },
      {timeout: 120_000, interval: 2_000},
    )
    .toContain('The text that came later.');
}, 300_000);
