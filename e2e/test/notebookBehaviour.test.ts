import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {BrowserContext, Locator, Page} from 'playwright-core';
import {describe, expect, inject, test} from 'vitest';
import {cellById, hydrated, liveOutputText, outputText, runCell, waitForState} from '../src/cells.js';
import {REPO_DIR, TMP_DIR} from '../src/paths.js';
import {useServedWebsite} from '../src/servedWebsite.js';

// website/docs/notebook-behaviour.mdx in the website build (globalSetup), in
// Chromium: run-above, the page's actions, sessions across pages, outputs that
// follow the session, pre-warm on intent, the downloaded notebook.

const site = useServedWebsite();

const PAGE = '/docs/notebook-behaviour';
const PYODIDE_REQUEST = /\/pyodide\/[^/]+\/|\/pyodocs\/worker\./;
const WORKER_SCRIPT = /\/pyodocs\/worker\.[0-9a-f]+\.js$/;
const NBFORMAT_PYTHON = path.join(REPO_DIR, '.cache', 'python-test-venv', 'bin', 'python');

interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page and its workers requested, and page errors. */
  requests: string[];
}

/** A fresh context (so no HTTP or storage state is shared) on `pathname`, hydrated. */
async function openPage(pathname: string, options: {saveData?: boolean} = {}): Promise<OpenPage> {
  const context = await site.browser.newContext({acceptDownloads: true, viewport: {width: 1280, height: 900}});
  if (options.saveData) {
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'connection', {value: {saveData: true}, configurable: true});
    });
  }
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => requests.push(`pageerror: ${error.message}`));
  await page.goto(site.url + pathname, {waitUntil: 'networkidle'});
  await hydrated(page);
  return {page, context, requests};
}

/** The page's actions that the reader sees (the narrow-screen copy is hidden on a wide one). */
function pageActions(page: Page): Locator {
  return page.getByRole('group', {name: 'Python on this page'});
}

async function executionCounts(page: Page, ids: string[]): Promise<Array<string | null>> {
  return Promise.all(ids.map((id) => cellById(page, id).getAttribute('data-execution-count')));
}

/** Client-side navigation as a link does it, to a page that has no link to the next one. */
async function navigateInApp(page: Page, pathname: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, pathname);
  await page.waitForURL(`**${pathname}`);
}

const pageCells = ['nb-prices', 'nb-basket', 'nb-total'];
const tourCells = ['nb-tour-start', 'nb-tour-more', 'nb-tour-end'];

describe('notebook behaviour in Chromium', () => {
  test('running the last cell first runs the cells above it, shown as needed by it, then counts each run', async () => {
    const {page, context, requests} = await openPage(PAGE);
    try {
      const total = cellById(page, 'nb-total');
      await total.getByRole('button', {name: 'Run', exact: true}).click();
      // While Python loads, the cells it needs say why they wait.
      for (const id of ['nb-prices', 'nb-basket']) {
        await expect
          .poll(() => cellById(page, id).getByRole('status').innerText())
          .toBe('Queued: needed by a cell below');
      }
      expect(await waitForState(total, ['done', 'error'])).toBe('done');
      expect(await outputText(total)).toBe('Total: 3.50');
      expect(await executionCounts(page, pageCells)).toEqual(['1', '2', '3']);
      expect(await total.getByRole('status').innerText()).toMatch(/^\[3\] \d+(\.\d)? m?s/);
      // Another session on the page did not run.
      expect(await executionCounts(page, tourCells)).toEqual([null, null, null]);

      // Already run: running it again runs only it.
      expect(await runCell(total)).toBe('done');
      expect(await executionCounts(page, pageCells)).toEqual(['1', '2', '4']);
      expect(requests.filter((url) => url.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('Run all runs every cell in page order; Restart empties the sessions and clears the outputs', async () => {
    const {page, context} = await openPage(PAGE);
    try {
      const actions = pageActions(page);
      await expect.poll(() => actions.count()).toBe(1);
      // At the top of the table of contents.
      expect(await page.locator('.col--3').getByRole('group', {name: 'Python on this page'}).count()).toBe(1);

      await actions.getByRole('button', {name: 'Run all'}).click();
      await expect
        .poll(() => actions.getByRole('status').innerText(), {timeout: 120_000})
        .toMatch(/^Ran all \d+ cells$/);
      expect(await executionCounts(page, pageCells)).toEqual(['1', '2', '3']);
      expect(await executionCounts(page, tourCells)).toEqual(['1', '2', '3']);
      expect(await outputText(cellById(page, 'nb-total'))).toBe('Total: 3.50');
      expect(await outputText(cellById(page, 'nb-tour-end'))).toBe('(no language yet) → notebooks');

      await actions.getByRole('button', {name: 'Restart'}).click();
      await expect
        .poll(() => actions.getByRole('status').innerText())
        .toBe('Restarted: the variables of this page are gone');
      for (const id of [...pageCells, ...tourCells]) {
        expect(await cellById(page, id).getAttribute('data-state')).toBe('idle');
        // Cleared: what the cells show now is only what the site's build made of them.
        expect(await liveOutputText(cellById(page, id))).toBe('');
      }
      expect(await executionCounts(page, pageCells)).toEqual([null, null, null]);

      // The variables are gone and the counts start again: the last cell runs the others first.
      expect(await runCell(cellById(page, 'nb-total'))).toBe('done');
      expect(await executionCounts(page, pageCells)).toEqual(['1', '2', '3']);
    } finally {
      await context.close();
    }
  });

  test('Run all whose run code cannot load says so and what to do; once it can, Run all works', async () => {
    const {page, context, requests} = await openPage(PAGE);
    try {
      const runChunk = /\/pyodocs-run\.[0-9a-f]+\.js$/;
      expect(requests.filter((url) => runChunk.test(url))).toEqual([]);
      // Offline, or a deploy that removed the chunk the page names.
      await context.route(runChunk, (route) => route.abort());
      const actions = pageActions(page);
      await expect.poll(() => actions.count()).toBe(1);
      const runAll = actions.getByRole('button', {name: 'Run all'});
      await runAll.click();
      await expect
        .poll(() => actions.getByRole('status').innerText())
        .toMatch(/^Run all could not load\. Check your connection and try again\.$/);
      // Not left disabled: the reader can try again.
      expect(await runAll.getAttribute('aria-disabled')).toBeNull();

      await context.unroute(runChunk);
      await runAll.click();
      await expect
        .poll(() => actions.getByRole('status').innerText(), {timeout: 120_000})
        .toMatch(/^Ran all \d+ cells$/);
      expect(await executionCounts(page, pageCells)).toEqual(['1', '2', '3']);
    } finally {
      await context.close();
    }
  });

  test('a named session shared by two pages: run-above covers this page’s cells and sees the other page’s variables', async () => {
    const {page, context, requests} = await openPage('/docs/getting-started');
    try {
      const tour = page.locator('[data-pyodocs-cell]').filter({hasText: 'favourite_language = "Python"'});
      expect(await runCell(tour)).toBe('done');
      await page.evaluate(() => ((window as unknown as {__marker: number}).__marker = 1));

      await navigateInApp(page, PAGE);
      const end = cellById(page, 'nb-tour-end');
      await end.waitFor();
      expect(await page.evaluate(() => (window as unknown as {__marker?: number}).__marker)).toBe(1);
      expect(await runCell(end)).toBe('done');
      expect(await outputText(end)).toBe('Python → notebooks');
      // The session's count goes on from the other page's run: that one ran once, not again.
      expect(await executionCounts(page, tourCells)).toEqual(['2', '3', '4']);
      expect(requests.filter((url) => url.endsWith('/pyodide.asm.wasm'))).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  test('Run all and Restart act on a named session shared with another page: Restart empties it for both pages', async () => {
    const {page, context, requests} = await openPage('/docs/getting-started');
    try {
      const tourOnGettingStarted = () =>
        page.locator('[data-pyodocs-cell]').filter({hasText: 'favourite_language = "Python"'});
      expect(await runCell(tourOnGettingStarted())).toBe('done');

      await navigateInApp(page, PAGE);
      const end = cellById(page, 'nb-tour-end');
      await end.waitFor();
      const actions = pageActions(page);
      const status = () => actions.getByRole('status').innerText();

      // Run all runs this page's cells of the session, which still holds the other page's variable.
      await actions.getByRole('button', {name: 'Run all'}).click();
      await expect.poll(status, {timeout: 120_000}).toMatch(/^Ran all \d+ cells$/);
      expect(await outputText(end)).toBe('Python → notebooks');
      expect(await executionCounts(page, tourCells)).toEqual(['2', '3', '4']);

      // Restart empties the session, the other page's variable with it: counts start again from 1.
      await actions.getByRole('button', {name: 'Restart'}).click();
      await expect.poll(status).toBe('Restarted: the variables of this page are gone');
      expect(await executionCounts(page, tourCells)).toEqual([null, null, null]);
      await actions.getByRole('button', {name: 'Run all'}).click();
      await expect.poll(status, {timeout: 120_000}).toMatch(/^Ran all \d+ cells$/);
      expect(await outputText(end)).toBe('(no language yet) → notebooks');
      expect(await executionCounts(page, tourCells)).toEqual(['1', '2', '3']);

      // Back on the other page, its cell of the session has not run in it since the restart.
      await navigateInApp(page, '/docs/getting-started');
      await tourOnGettingStarted().waitFor();
      expect(await tourOnGettingStarted().getAttribute('data-state')).toBe('idle');
      expect(await tourOnGettingStarted().getAttribute('data-execution-count')).toBeNull();
      expect(requests.filter((url) => url.endsWith('/pyodide.asm.wasm'))).toHaveLength(1);
      expect(requests.filter((url) => url.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('coming back to the page shows the outputs of the session; after a reload they are gone', async () => {
    const {page, context} = await openPage(PAGE);
    try {
      const total = cellById(page, 'nb-total');
      expect(await runCell(total)).toBe('done');

      // Away through a link of the page, back through the browser's Back: no document load.
      await page.evaluate(() => ((window as unknown as {__marker: number}).__marker = 1));
      await page.locator('article').getByRole('link', {name: 'Getting started'}).first().click();
      await page.waitForURL('**/docs/getting-started#python-stays-loaded');
      await page.goBack();
      await page.waitForURL(`**${PAGE}`);
      expect(await page.evaluate(() => (window as unknown as {__marker?: number}).__marker)).toBe(1);
      const back = cellById(page, 'nb-total');
      await expect.poll(() => back.getAttribute('data-state')).toBe('done');
      expect(await outputText(back)).toBe('Total: 3.50');
      expect(await executionCounts(page, pageCells)).toEqual(['1', '2', '3']);

      await page.reload({waitUntil: 'networkidle'});
      await hydrated(page);
      expect(await cellById(page, 'nb-total').getAttribute('data-state')).toBe('idle');
      expect(await liveOutputText(cellById(page, 'nb-total'))).toBe('');
      expect(await outputText(cellById(page, 'nb-total'))).toBe('Output from when the site was built\n\nTotal: 3.50');
      expect(await executionCounts(page, pageCells)).toEqual([null, null, null]);
    } finally {
      await context.close();
    }
  });

  test('hovering a cell starts exactly one worker; nothing is fetched before; nothing with Save-Data on', async () => {
    const {page, context, requests} = await openPage(PAGE);
    try {
      await page.waitForTimeout(1000);
      expect(requests.filter((url) => PYODIDE_REQUEST.test(url))).toEqual([]);

      await cellById(page, 'nb-prices').hover();
      await expect
        .poll(() => requests.filter((url) => url.endsWith('/pyodide.asm.wasm')).length, {timeout: 60_000})
        .toBe(1);
      await cellById(page, 'nb-basket').hover();
      expect(await runCell(cellById(page, 'nb-total'))).toBe('done');
      expect(requests.filter((url) => WORKER_SCRIPT.test(url))).toHaveLength(1);
      expect(requests.filter((url) => url.endsWith('/pyodide.asm.wasm'))).toHaveLength(1);
    } finally {
      await context.close();
    }

    const saving = await openPage(PAGE, {saveData: true});
    try {
      await cellById(saving.page, 'nb-prices').hover();
      await cellById(saving.page, 'nb-basket').hover();
      await saving.page.waitForTimeout(1500);
      expect(saving.requests.filter((url) => PYODIDE_REQUEST.test(url))).toEqual([]);
      // Run still works.
      expect(await runCell(cellById(saving.page, 'nb-prices'))).toBe('done');
    } finally {
      await saving.context.close();
    }
  });

  test('Download notebook saves a valid nbformat 4 notebook with the reader’s code and outputs', async () => {
    const {page, context} = await openPage(PAGE);
    try {
      // The reader edits a cell, then runs the last one (which runs the edited one first).
      const basket = cellById(page, 'nb-basket');
      await basket.locator('pre', {hasText: 'basket = '}).click();
      await basket.locator('.cm-content').waitFor();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('basket = {"apple": 2, "pear": 4}');
      expect(await runCell(cellById(page, 'nb-total'))).toBe('done');
      expect(await outputText(cellById(page, 'nb-total'))).toBe('Total: 4.00');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        pageActions(page).getByRole('button', {name: 'Download notebook'}).click(),
      ]);
      expect(download.suggestedFilename()).toBe('notebook-behaviour.ipynb');
      mkdirSync(TMP_DIR, {recursive: true});
      const file = path.join(TMP_DIR, 'notebook-behaviour.ipynb');
      await download.saveAs(file);
      await expect.poll(() => pageActions(page).getByRole('status').innerText()).toBe('Notebook saved');

      if (existsSync(NBFORMAT_PYTHON)) {
        const check =
          'import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print("valid")';
        expect(execFileSync(NBFORMAT_PYTHON, ['-c', check, file], {encoding: 'utf8'}).trim()).toBe('valid');
      } else {
        throw new Error(
          `no nbformat to validate with: create ${NBFORMAT_PYTHON} (packages/runtime/scripts/setup-python-test-venv.mjs)`,
        );
      }

      const notebook = JSON.parse(readFileSync(file, 'utf8')) as {
        cells: Array<{
          cell_type: string;
          id: string;
          source: string[];
          execution_count?: number | null;
          outputs?: unknown[];
        }>;
      };
      const byId = new Map(notebook.cells.map((cell) => [cell.id, cell]));
      expect(byId.get('nb-basket')?.source.join('')).toBe('basket = {"apple": 2, "pear": 4}');
      expect(byId.get('nb-total')).toMatchObject({
        execution_count: 3,
        outputs: [{output_type: 'stream', name: 'stdout', text: ['Total: 4.00\n']}],
      });
      expect(byId.get('nb-tour-end')).toMatchObject({execution_count: null, outputs: []});
      // The page's prose, in page order, comes from the page data file the plugin writes (C7).
      const pageData = path.join(inject('websiteBuildDir'), 'pyodocs', 'pages', 'docs', 'notebook-behaviour.json');
      expect(existsSync(pageData)).toBe(true);
      const kinds = notebook.cells.map((cell) => cell.cell_type);
      expect(kinds[0]).toBe('markdown');
      // The page's prose as written (its title is front matter, not part of the body).
      expect(notebook.cells[0]?.source.join('')).toContain('behave like the cells of a Jupyter notebook');
      expect(kinds.indexOf('code')).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  test('"Open in JupyterLite" is one of the page’s actions and opens the page with the reader’s code', async () => {
    const {page, context} = await openPage(PAGE);
    try {
      await cellById(page, 'nb-prices').locator('pre', {hasText: 'prices = '}).click();
      await cellById(page, 'nb-prices').locator('.cm-content').waitFor();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('prices = {"apple": 1}  # edited by the reader');
      const [notebookPage] = await Promise.all([
        context.waitForEvent('page'),
        pageActions(page).getByRole('button', {name: 'Open in JupyterLite'}).click(),
      ]);
      await notebookPage.waitForURL(/\/lite\/(notebooks|lab)\/index\.html\?path=notebook-behaviour-[^&]+\.ipynb$/);
      const notebook = notebookPage.locator('.jp-Notebook');
      await expect
        .poll(() => notebook.textContent().catch(() => ''), {timeout: 120_000})
        .toContain('edited by the reader');
      // JupyterLab renders the cells one after the other: wait for the last.
      await expect
        .poll(() => notebook.textContent().catch(() => ''), {timeout: 60_000})
        .toContain('print(" → ".join(stops))');
    } finally {
      await context.close();
    }
  });
});
