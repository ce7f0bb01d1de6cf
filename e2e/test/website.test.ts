import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {describe, expect, inject, test} from 'vitest';
import {cellById, cellContaining, liveOutputText, outputText, runCell, waitForState} from '../src/cells.js';
import {useServedWebsite} from '../src/servedWebsite.js';

// The project's own docs site, built by globalSetup with the real
// `docusaurus build`, served on localhost, driven in Debian's Chromium.

const PYODIDE_REQUEST = /\/pyodide\/[^/]+\/|\/pyodocs\/worker\./;

const site = useServedWebsite();

/** A fresh page that records every URL it requests. */
async function openPage(pathname: string): Promise<{page: Page; requests: string[]}> {
  const page = await site.browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => requests.push(`pageerror: ${error.message}`));
  await page.goto(site.url + pathname, {waitUntil: 'networkidle'});
  return {page, requests};
}

function staticText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('static HTML', () => {
  test('a built page contains the cell and its code, readable without JavaScript', () => {
    const html = readFileSync(path.join(inject('websiteBuildDir'), 'docs', 'getting-started', 'index.html'), 'utf8');
    expect(html).toContain('data-pyodocs-cell=');
    expect(staticText(html)).toContain('print("Hello from", sys.version.split()[0])');
    // In place, not in a hidden element that an inline script moves once it runs (React's outlined Suspense boundaries).
    expect(html).not.toMatch(/<div hidden id="S:|<template id="B:/);
  });

  test("the plugin's client data is in the cells' chunk, once, not copied into each page's chunk", () => {
    const scripts = path.join(inject('websiteBuildDir'), 'assets', 'js');
    // The JSON module as webpack writes it: JSON.parse('{"…":{"workerUrl":…').
    const holders = readdirSync(scripts).filter(
      (file) =>
        file.endsWith('.js') &&
        /JSON\.parse\('\{"[^"]+":\{"workerUrl":/.test(readFileSync(path.join(scripts, file), 'utf8')),
    );
    expect(holders).toEqual([expect.stringMatching(/^pyodocs-cells\.[0-9a-f]+\.js$/)]);
  });

  test("a cell's code is in the site's JavaScript once: the element leaves out the code its static block holds", () => {
    const scripts = path.join(inject('websiteBuildDir'), 'assets', 'js');
    // Getting started's first cell, as a JS string literal writes it (its line ends as \n).
    const copies = readdirSync(scripts)
      .filter((file) => file.endsWith('.js'))
      .map(
        (file) =>
          readFileSync(path.join(scripts, file), 'utf8').split('sys.version.split()[0])\\nsum(range(10))').length - 1,
      );
    expect(copies.reduce((sum, count) => sum + count, 0)).toBe(1);
  });

  test('only fences marked `run` become cells; the others stay ordinary code blocks', () => {
    const html = readFileSync(path.join(inject('websiteBuildDir'), 'docs', 'authoring', 'index.html'), 'utf8');
    expect(staticText(html)).toContain('import antigravity');
    // authoring.mdx has exactly six `python run` fences.
    expect(html.match(/data-pyodocs-cell="[^"]*"/g)).toHaveLength(6);
    expect(html).toContain('data-pyodocs-cell="scratch-cell"');
  });

  test('the site executes at build: outputs are in the static HTML before any click, figures as files of the build', () => {
    const buildDir = inject('websiteBuildDir');
    const page = readFileSync(path.join(buildDir, 'docs', 'executing-at-build', 'index.html'), 'utf8');
    expect(page).toContain('data-pyodocs-origin="build"');
    expect(staticText(page)).toMatch(/Built with Python 3\.\d+\.\d+/);
    expect(staticText(page)).toContain('n²');
    const gallery = readFileSync(path.join(buildDir, 'docs', 'outputs', 'index.html'), 'utf8');
    const fromBuild = gallery.slice(gallery.indexOf('Run it to replace them'));
    expect(fromBuild).toContain('<th>bar</th><th>height</th>');
    const figure = /<img class="pyodocs-image" src="(\/pyodocs\/outputs\/[0-9a-f]+\.png)"/.exec(fromBuild)?.[1];
    expect(figure).toBeDefined();
    // The PNG the cell drew, as a file of the build (not a base64 blob in the page).
    expect(
      readFileSync(path.join(buildDir, figure as string))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });
});

describe('page data (fetched by page actions, never part of the page JS)', () => {
  test('a page with cells has its data at /pyodocs/pages/<route>.json: its cells in order and the page as notebook cells', () => {
    const file = path.join(inject('websiteBuildDir'), 'pyodocs', 'pages', 'docs', 'getting-started.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      path: string;
      cells: Array<{id: string; code: string}>;
      notebook: Array<{type: string}>;
    };
    expect(data.path).toBe('docs/getting-started.mdx');
    expect(data.cells[0]?.code).toContain('print("Hello from", sys.version.split()[0])');
    expect(data.notebook.filter((cell) => cell.type === 'code')).toHaveLength(data.cells.length);
    expect(data.notebook.some((cell) => cell.type === 'markdown')).toBe(true);
  });

  test("the cells' styles are a file of the site that every page's head links, before the site's own stylesheet", () => {
    const out = inject('websiteBuildDir');
    const html = readFileSync(path.join(out, 'docs', 'configuration', 'index.html'), 'utf8');
    const links = Array.from(
      html.matchAll(/<link[^>]*rel="?stylesheet"?[^>]*href="?([^" >]+)/g),
      (match) => match[1] ?? '',
    );
    expect(links.findIndex((href) => /\/pyodocs\/styles\.[0-9a-f]{8}\.css$/.test(href))).toBe(0);
    expect(links.findIndex((href) => /\/assets\/css\/styles\.[0-9a-f]+\.css$/.test(href))).toBeGreaterThan(0);
    // (The website's baseUrl is `/`.)
    const file = path.join(out, new URL(links[0] ?? '', 'https://site.example').pathname);
    expect(readFileSync(file, 'utf8')).toContain('.pyodocs-toolbar{');
    const bundled = readdirSync(path.join(out, 'assets', 'css')).map((name) =>
      readFileSync(path.join(out, 'assets', 'css', name), 'utf8'),
    );
    expect(bundled.filter((css) => css.includes('.pyodocs-toolbar'))).toEqual([]);
  });

  test('a page without cells has none, and neither does a site without cells have the Pyodide runtime (see packageSources.test.ts)', () => {
    expect(existsSync(path.join(inject('websiteBuildDir'), 'pyodocs', 'pages', 'docs', 'configuration.json'))).toBe(
      false,
    );
  });
});

describe('live cells in Chromium', () => {
  test('a page without cells loads no cell code; following a link to a page with cells loads it and the page actions', async () => {
    const {page, requests} = await openPage('/docs/configuration');
    const cellChunk = (url: string) => /\/assets\/js\/pyodocs-cells\.[0-9a-f]+\.js$/.test(url);
    try {
      await page.waitForTimeout(500);
      expect(requests.filter(cellChunk)).toEqual([]);
      expect(await page.locator('[data-pyodocs-page-actions]').count()).toBe(0);

      await page.locator('nav.menu').getByRole('link', {name: 'Getting started', exact: true}).click();
      await page.waitForURL('**/docs/getting-started');
      await cellContaining(page, 'Hello from').getByRole('button', {name: 'Run', exact: true}).waitFor();
      expect(requests.filter(cellChunk)).toHaveLength(1);
      // Styled by the cells' stylesheet, which every page's head links (not a part of the site's bundled one).
      expect(
        await cellContaining(page, 'Hello from')
          .locator('.pyodocs-toolbar')
          .evaluate((bar) => getComputedStyle(bar).display),
      ).toBe('flex');
      expect(requests.filter((url) => /\/pyodocs\/styles\.[0-9a-f]{8}\.css$/.test(url))).toHaveLength(1);
      // The page actions come in a chunk of their own once the cells have mounted.
      await page.locator('[data-pyodocs-page-actions]').first().waitFor({state: 'attached'});
      expect(requests.filter((url) => url.startsWith('pageerror'))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('a page with build outputs hydrates without mismatch and loads no run code before intent; hovering a cell loads it', async () => {
    // The code that runs cells (client, worker connection, run logic) is a
    // chunk of its own, loaded on intent or Run (issue 13); the outputs the
    // build put in the page keep their server HTML while theirs arrive.
    const page = await site.browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (/Hydration|hydrat|Minified React error #(418|423|425)/.test(message.text())) problems.push(message.text());
    });
    const runChunk = (url: string) => /\/assets\/js\/pyodocs-run\.[0-9a-f]+\.js$/.test(url);
    try {
      await page.goto(`${site.url}/docs/executing-at-build`, {waitUntil: 'networkidle'});
      const cell = page
        .locator('[data-pyodocs-cell]')
        .filter({has: page.locator('[data-pyodocs-origin="build"]')})
        .first();
      await cell.getByRole('button', {name: 'Run', exact: true}).waitFor();
      await page.waitForTimeout(500);
      expect(requests.filter(runChunk)).toEqual([]);
      expect(requests.filter((url) => PYODIDE_REQUEST.test(url))).toEqual([]);
      expect(await cell.locator('[data-pyodocs-output]').innerText()).toMatch(/\S/);

      await cell.hover();
      await expect.poll(() => requests.filter(runChunk).length).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('Run loads Pyodide only on demand, streams output and shows the final value; Python survives client-side navigation', async () => {
    const {page, requests} = await openPage('/docs/getting-started');
    try {
      // Hydrated, but nothing of Pyodide requested before a Run.
      const hello = cellContaining(page, 'Hello from');
      await hello.getByRole('button', {name: 'Run', exact: true}).waitFor();
      await page.waitForTimeout(500);
      expect(requests.filter((url) => PYODIDE_REQUEST.test(url))).toEqual([]);

      expect(await runCell(hello)).toBe('done');
      const output = await outputText(hello);
      expect(output).toMatch(/Hello from 3\.14\.\d+/);
      expect(await hello.locator('[data-pyodocs-result]').innerText()).toBe('45');
      expect(requests.filter((url) => url.endsWith('/pyodide.asm.wasm'))).toHaveLength(1);

      // Cells of a page share one namespace, in order.
      await runCell(cellContaining(page, 'greeting = "Hello"'));
      const loop = cellContaining(page, 'for name in names');
      expect(await runCell(loop)).toBe('done');
      expect(await outputText(loop)).toContain('Hello, Grace!');

      // A Python exception: readable traceback, no worker frames.
      const failing = cellContaining(page, 'def mean(values)');
      expect(await runCell(failing)).toBe('error');
      const traceback = await failing.locator('[data-pyodocs-output]').innerText();
      expect(traceback).toContain('ZeroDivisionError');
      expect(traceback).toContain('return sum(values) / len(values)');
      expect(traceback).not.toMatch(/_pyodide|pyodocs_kernel|eval_code/);

      // A named session, used again on the next page.
      await runCell(cellContaining(page, 'favourite_language = "Python"'));

      // Client-side navigation (no document load: the marker survives).
      await page.evaluate(() => ((window as unknown as {__marker: number}).__marker = 1));
      await page.locator('article').getByRole('link', {name: 'authoring reference'}).first().click();
      await page.waitForURL('**/docs/authoring');
      expect(await page.evaluate(() => (window as unknown as {__marker?: number}).__marker)).toBe(1);

      const power = cellContaining(page, 'print(2 ** 10)');
      expect(await runCell(power, 30_000)).toBe('done');
      expect(await outputText(power)).toBe('1024');

      const tour = cellContaining(page, 'Your favourite language is');
      expect(await runCell(tour, 30_000)).toBe('done');
      expect(await outputText(tour)).toContain('Your favourite language is Python');

      // Same worker, same Pyodide: each file fetched once for both pages.
      expect(requests.filter((url) => url.endsWith('/pyodide.asm.wasm'))).toHaveLength(1);
      expect(requests.filter((url) => /\/pyodocs\/worker\.[0-9a-f]+\.js$/.test(url))).toHaveLength(1);
      expect(requests.filter((url) => url.startsWith('pageerror'))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('blog posts and pages get live cells; front matter `runnable: all` makes plain fences live, `norun` stays static', async () => {
    const {page} = await openPage('/playground');
    try {
      const cells = page.locator('[data-pyodocs-cell]');
      expect(await cells.count()).toBe(2);
      expect(await page.locator('pre', {hasText: 'while True:'}).count()).toBe(1);
      const sine = cellContaining(page, 'math.sin');
      expect(await runCell(sine)).toBe('done');
      expect(await sine.locator('[data-pyodocs-result]').innerText()).toContain('0.247');

      expect(await page.locator('[data-pyodocs-cell]', {hasText: 'while True'}).count()).toBe(0);

      await page.goto(`${site.url}/blog/2026/11/22/hello`, {waitUntil: 'networkidle'});
      const posted = cellContaining(page, 'Posted in');
      expect(await runCell(posted)).toBe('done');
      expect(await posted.locator('[data-pyodocs-result]').innerText()).toBe("'Posted in November 2026'");
    } finally {
      await page.close();
    }
  });

  test('%%writefile writes a file that %run runs in the next cell, as in a notebook; sorted? prints its help; the build put the same outputs there', async () => {
    const {page, requests} = await openPage('/docs/ipython-syntax');
    try {
      const write = cellById(page, 'ipython-writefile');
      const run = cellById(page, 'ipython-run');
      // Executed at build: the same outputs are in the page before any click.
      const fromBuild = (text: string) => `Output from when the site was built\n\n${text}`;
      expect(await outputText(write)).toBe(fromBuild('Writing greeting.py'));
      // The printed lines, then the value of %pwd (an output of its own).
      const ranGreeting = /Hello, reader!\nreader\n+'\/home\/pyodide'$/;
      expect(await outputText(run)).toMatch(ranGreeting);
      expect(await outputText(run)).toContain(fromBuild('Hello, reader!'));
      // `sorted?`: IPython's help, printed.
      expect(await outputText(cellById(page, 'ipython-help'))).toMatch(
        /^Output from when the site was built\n\nSignature: sorted\(iterable, \/, \*, key=None, reverse=False\)\nDocstring:\nReturn a new list/,
      );
      expect(await runCell(write)).toBe('done');
      expect(await liveOutputText(write)).toBe('Writing greeting.py');
      expect(await runCell(run)).toBe('done');
      expect(await liveOutputText(run)).toMatch(new RegExp(`^${ranGreeting.source}`));
      expect(requests.filter((url) => url.startsWith('pageerror'))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the code is editable on demand: CodeMirror loads on click, Shift+Enter runs the edit, Reset restores', async () => {
    const {page, requests} = await openPage('/docs/authoring');
    try {
      // Pinned by id: the text changes while we edit.
      const id = (await cellContaining(page, 'print(2 ** 10)').getAttribute('data-pyodocs-cell')) ?? '';
      const cell = cellById(page, id);
      expect(await cell.locator('.cm-editor').count()).toBe(0);
      const scriptsBefore = requests.filter((url) => url.endsWith('.js')).length;

      await cell.locator('pre', {hasText: 'print(2 ** 10)'}).click();
      const editor = cell.locator('.cm-content');
      await editor.waitFor();
      // The editor came as a chunk of its own, only now.
      expect(requests.filter((url) => url.endsWith('.js')).length).toBeGreaterThan(scriptsBefore);

      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('print(3 ** 4)');
      await page.keyboard.press('Shift+Enter');
      expect(await waitForState(cell, ['done', 'error'])).toBe('done');
      expect(await outputText(cell)).toBe('81');

      await cell.getByRole('button', {name: 'Reset', exact: true}).click();
      expect(await cell.getAttribute('data-state')).toBe('idle');
      expect(await cell.innerText()).toContain('print(2 ** 10)');
      // Back as the page shipped it: the original code and the output the build made of it.
      expect(await liveOutputText(cell)).toBe('');
      expect(await outputText(cell)).toBe('Output from when the site was built\n\n1024');
    } finally {
      await page.close();
    }
  });
});
