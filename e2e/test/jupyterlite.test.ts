import type {BrowserContext, Page} from 'playwright-core';
import {expect, test} from 'vitest';
import {cellContaining} from '../src/cells.js';
import {useServedWebsite} from '../src/servedWebsite.js';

// The website's JupyterLite site (built by @pyodocs/docusaurus-plugin-jupyterlite
// with the real `jupyter lite build` during globalSetup), in Chromium, with
// every request that would leave 127.0.0.1 aborted and recorded.

const site = useServedWebsite();

interface OfflineContext {
  context: BrowserContext;
  /** Requests that tried to leave localhost (aborted). */
  blocked: string[];
  /** Every request, from every page and worker of the context. */
  requests: string[];
  errors: string[];
}

async function offlineContext(): Promise<OfflineContext> {
  const context = await site.browser.newContext();
  const blocked: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  context.on('request', (request) => requests.push(request.url()));
  context.on('page', (page) => page.on('pageerror', (error) => errors.push(error.message)));
  return {context, blocked, requests, errors};
}

async function openDocsPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.url}/docs/jupyterlite`, {waitUntil: 'networkidle'});
  return page;
}

test('the embedded REPL loads on click, runs 1 + 1 -> 2 on the shared Pyodide, follows the colour mode; nothing leaves localhost', async () => {
  const {context, blocked, requests} = await offlineContext();
  try {
    const page = await openDocsPage(context);
    const embed = page.locator('[data-pyodocs-jupyterlite="repl"]');
    // Click-to-load: no frame and no JupyterLite request before the click.
    expect(await embed.locator('iframe').count()).toBe(0);
    expect(requests.filter((url) => url.includes('/lite/'))).toEqual([]);

    await embed.getByRole('button', {name: 'Load JupyterLite REPL'}).click();
    const frame = page.frameLocator('[data-pyodocs-jupyterlite="repl"] iframe');
    const outputs = frame.locator('.jp-CodeConsole .jp-OutputArea-output');
    // The embed's own code (sys.version) ran: the kernel is up.
    await outputs.first().waitFor({timeout: 120_000});
    expect(await outputs.first().innerText()).toMatch(/^'3\.14\./);

    await frame.locator('.jp-CodeConsole-promptCell .cm-content').click();
    await page.keyboard.type('1 + 1');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => outputs.allInnerTexts(), {timeout: 60_000}).toContain('2');

    // The kernel ran on the site's own Pyodide and the kernel wheels shipped with the lite site.
    expect(requests.some((url) => /\/pyodide\/314\.[^/]+\/pyodide\.asm\.wasm$/.test(url))).toBe(true);
    expect(requests.some((url) => /\/lite\/static\/pyodide-lock\/ipython-[^/]+\.whl$/.test(url))).toBe(true);

    // Toggling the site's colour mode switches JupyterLab's theme in place.
    const themeName = () => frame.locator('body').getAttribute('data-jp-theme-name');
    expect(await themeName()).toBe('JupyterLab Light');
    await page.getByRole('button', {name: /dark and light mode/}).click();
    await expect.poll(themeName, {timeout: 30_000}).toBe('JupyterLab Dark');

    expect(blocked).toEqual([]);
  } finally {
    await context.close();
  }
});

test('"Open in JupyterLite" opens the page as a notebook with the reader\'s edited code, in the site\'s colour mode', async () => {
  const {context, blocked} = await offlineContext();
  try {
    const page = await openDocsPage(context);
    const cell = cellContaining(page, 'greeting.upper()');
    await cell.locator('pre', {hasText: 'greeting.upper()'}).click();
    await cell.locator('.cm-content').waitFor();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('edited = "changed by the reader"');
    // The notebook opens in the site's colour mode (written to JupyterLite's settings first).
    await page.getByRole('button', {name: /dark and light mode/}).click();

    const [notebookPage] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', {name: 'Open in JupyterLite'}).click(),
    ]);
    await notebookPage.waitForURL(/\/lite\/notebooks\/index\.html\?path=jupyterlite-[^&]+\.ipynb$/);
    const notebook = notebookPage.locator('.jp-Notebook');
    await expect
      .poll(
        () =>
          notebook
            .textContent()
            .then((t) => t ?? '')
            .catch(() => ''),
        {timeout: 120_000},
      )
      .toContain('edited = "changed by the reader"');
    const text = (await notebook.textContent()) ?? '';
    // Page order: the page's prose (as markdown) comes before the edited cell, the build-time code is gone.
    expect(text).not.toContain('greeting.upper()');
    expect(text.indexOf('Open in JupyterLite')).toBeLessThan(text.indexOf('changed by the reader'));
    expect(await notebookPage.locator('.jp-MarkdownCell').count()).toBeGreaterThan(1);
    expect(await notebookPage.locator('body').getAttribute('data-jp-theme-name')).toBe('JupyterLab Dark');
    expect(blocked).toEqual([]);
  } finally {
    await context.close();
  }
});

test('"Open in JupyterLite" on a page of doctest blocks: each block is a code cell of its examples, prompts removed', async () => {
  const {context, blocked} = await offlineContext();
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/docs/doctest-examples`, {waitUntil: 'networkidle'});
    const [notebookPage] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', {name: 'Open in JupyterLite'}).click(),
    ]);
    await notebookPage.waitForURL(/\/lite\/notebooks\/index\.html\?path=doctest-examples-[^&]+\.ipynb$/);
    const code = notebookPage.locator('.jp-CodeCell .jp-InputArea');
    await expect
      .poll(() => code.allTextContents().catch(() => [] as string[]), {timeout: 120_000})
      .toContainEqual(expect.stringContaining('from fractions import Fraction'));
    const cells = await code.allTextContents();
    const fractions = cells.find((text) => text.includes('from fractions import Fraction')) ?? '';
    expect(fractions).toContain('Fraction(6, 4)');
    expect(fractions).not.toContain('>>>');
    expect(blocked).toEqual([]);
  } finally {
    await context.close();
  }
});
