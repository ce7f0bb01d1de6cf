import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {afterEach, describe, expect, inject, test} from 'vitest';
import {cellById, hydrated, waitForState} from '../src/cells.js';
import {useServedWebsite} from '../src/servedWebsite.js';

// axe-core, the engine behind most accessibility checkers, injected into the
// website's cell pages in Chromium: before anything runs and after every cell
// (and doctest) has run, in the light and the dark colour mode, no serious or
// critical violation. Then a reader who only has a keyboard uses a cell.

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PYODIDE_REQUEST = /\/pyodide\/[^/]+\/|\/pyodocs\/worker\./;
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

const site = useServedWebsite();
const openPages: Page[] = [];
afterEach(async () => {
  await Promise.all(openPages.splice(0).map((page) => page.context().close()));
});

/** A fresh page (its own context: a fresh Python) in a colour mode, hydrated. */
async function openPage(pathname: string, theme: Theme = 'light'): Promise<{page: Page; requests: string[]}> {
  const context = await site.browser.newContext({colorScheme: theme, viewport: {width: 1280, height: 900}});
  // Docusaurus keeps the reader's choice in localStorage; set it as a reader would have.
  await context.addInitScript((choice) => localStorage.setItem('theme', choice), theme);
  const page = await context.newPage();
  openPages.push(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(site.url + pathname, {waitUntil: 'networkidle'});
  await hydrated(page);
  return {page, requests};
}

/** Serious and critical axe violations of the page as it is now, one readable line per rule and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({path: AXE_SOURCE});
  const results = await page.evaluate(() =>
    // JupyterLite's own UI inside its frame is not ours to fix: axe checks the frame element, not its document.
    (window as unknown as {axe: typeof import('axe-core')}).axe.run(document, {
      iframes: false,
      resultTypes: ['violations'],
    }),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.impact} ${violation.id} at ${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? violation.help}`,
      ),
    );
}

/**
 * Switches the colour mode with the navbar's toggle, as a reader does (so the
 * Prism colours, set by React, follow), and waits for the colour transitions
 * to end (axe would read colours halfway).
 */
async function setTheme(page: Page, theme: Theme): Promise<void> {
  const toggle = page.getByRole('button', {name: /Switch between dark and light mode/}).first();
  const current = () => page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  for (let clicks = 0; (await current()) !== theme; clicks++) {
    expect(clicks, `the toggle never reached ${theme} mode`).toBeLessThan(3);
    await toggle.click();
  }
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

/** The violations in both colour modes, switched in place (the page keeps its Python and its outputs). */
async function violationsInBothThemes(page: Page, when: string): Promise<string[]> {
  const found: string[] = [];
  for (const theme of THEMES) {
    await setTheme(page, theme);
    found.push(...(await seriousViolations(page)).map((line) => `[${when}, ${theme}] ${line}`));
  }
  return found;
}

/** Clicks Try it on every doctest block, then Run on every cell, in document order, each to completion. */
async function runEverything(page: Page): Promise<void> {
  const tryIt = page.getByRole('button', {name: 'Try it', exact: true});
  while ((await tryIt.count()) > 0) await tryIt.first().click();
  const ids = await page
    .locator('[data-pyodocs-cell]')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-pyodocs-cell') ?? ''));
  for (const id of ids) {
    const cell = cellById(page, id);
    const run = cell.getByRole('button', {name: 'Run', exact: true});
    if (!(await run.isVisible())) continue;
    await run.click();
    await waitForState(cell, ['done', 'error'], 180_000);
  }
}

/** The pathnames of the built site's pages that have a cell or a doctest block (JupyterLite's own pages aside). */
function pagesWithCells(buildDir: string): string[] {
  return readdirSync(buildDir, {recursive: true, encoding: 'utf8'})
    .filter((file) => path.basename(file) === 'index.html' && !file.split(path.sep).includes('lite'))
    .filter((file) => /data-pyodocs-(?:cell|doctest)=/.test(readFileSync(path.join(buildDir, file), 'utf8')))
    .map((file) => `/${path.dirname(file).split(path.sep).join('/')}`.replace(/\/\.$/, '/'))
    .sort();
}

describe('axe-core: no serious or critical violations', () => {
  test.each([
    ['/', 'the front page with its live cell'],
    ['/docs/getting-started', 'cells, a traceback'],
    ['/docs/outputs', 'every kind of output, untrusted HTML'],
    ['/docs/doctest-examples', 'doctest blocks, Try it, verdicts'],
  ])('%s (%s), before and after running, light and dark', async (pathname) => {
    const {page} = await openPage(pathname);
    const found = await violationsInBothThemes(page, 'before running');
    await runEverything(page);
    found.push(...(await violationsInBothThemes(page, 'after running')));
    expect(found).toEqual([]);
  });

  // Every other page of the built site with a cell or a doctest block, as a
  // reader first sees it (its cells run above, or demo loops and failures),
  // in one tab that goes from page to page.
  test('every other page with cells, before running, light and dark', async () => {
    const fullyChecked = new Set(['/', '/docs/getting-started', '/docs/outputs', '/docs/doctest-examples']);
    const pathnames = pagesWithCells(inject('websiteBuildDir')).filter((pathname) => !fullyChecked.has(pathname));
    expect(pathnames).toContain('/docs/authoring');
    const {page} = await openPage(pathnames[0] ?? '/');
    const found: string[] = [];
    for (const pathname of pathnames) {
      await page.goto(site.url + pathname, {waitUntil: 'networkidle'});
      await hydrated(page);
      found.push(...(await violationsInBothThemes(page, pathname)));
    }
    expect(found).toEqual([]);
  });

  test('/docs/jupyterlite: the click-to-load embeds, then a loaded REPL, light and dark', async () => {
    const {page} = await openPage('/docs/jupyterlite');
    const found = await violationsInBothThemes(page, 'before loading');
    const embed = page.locator('[data-pyodocs-jupyterlite="repl"]').first();
    await embed.getByRole('button').click();
    await embed.locator('iframe').waitFor();
    found.push(...(await violationsInBothThemes(page, 'REPL loaded')));
    expect(found).toEqual([]);
    expect(await embed.locator('iframe').getAttribute('title')).toBeTruthy();
  });
});

describe('keyboard only', () => {
  test('reach a cell, edit it, run it, stop it, leave the editor, in Chromium', async () => {
    const {page, requests} = await openPage('/');
    const cell = cellById(page, 'home-demo');
    const focusedIn = (selector: string) =>
      page.evaluate((inside) => Boolean(document.activeElement?.closest(inside)), selector);
    // Hydrated, and nothing of Pyodide fetched before the reader acts.
    await page.waitForTimeout(500);
    expect(requests.filter((url) => PYODIDE_REQUEST.test(url))).toEqual([]);

    // Reach: Tab from the top of the page lands on the cell's code (its focusable block).
    let tabs = 0;
    while (!(await focusedIn('[data-pyodocs-cell="home-demo"] .pyodocs-code'))) {
      await page.keyboard.press('Tab');
      expect(++tabs, 'Tab never reached the cell’s code').toBeLessThan(60);
    }

    // Edit: Enter opens the editor with the caret in it; type a new program.
    await page.keyboard.press('Enter');
    await cell.locator('.cm-editor').waitFor();
    await expect.poll(() => focusedIn('.cm-content')).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('print("typed", 6 * 7)');

    // Run: Shift+Enter, as in Jupyter.
    await page.keyboard.press('Shift+Enter');
    expect(await waitForState(cell, ['done', 'error'], 180_000)).toBe('done');
    expect(await cell.locator('[data-pyodocs-output]').innerText()).toContain('typed 42');

    // Stop: a long run, then Escape and Tab leave the editor for the toolbar, whose Stop button ends it.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('import time\ntime.sleep(120)');
    await page.keyboard.press('Shift+Enter');
    await waitForState(cell, ['running'], 30_000);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await focusedIn('.cm-editor')).toBe(false);
    const stop = cell.getByRole('button', {name: 'Stop', exact: true});
    for (let presses = 0; !(await stop.evaluate((button) => button === document.activeElement)); presses++) {
      expect(presses, 'Tab never reached Stop').toBeLessThan(5);
      await page.keyboard.press('Tab');
    }
    // Keyboard focus is visible.
    expect(await stop.evaluate((button) => getComputedStyle(button).outlineStyle)).not.toBe('none');
    const stoppedAt = Date.now();
    await page.keyboard.press('Enter');
    expect(await waitForState(cell, ['done', 'error', 'idle'], 30_000)).not.toBe('running');
    expect(Date.now() - stoppedAt).toBeLessThan(30_000);
  });

  // Stop is aria-disabled (not disabled) once the run ends: a focused
  // disabled button would drop focus to <body>, the top of the page.
  test('after Stop, keyboard focus stays in the cell', async () => {
    const {page} = await openPage('/');
    const cell = cellById(page, 'home-demo');
    await cell.getByRole('button', {name: 'Edit', exact: true}).click();
    await cell.locator('.cm-editor').waitFor();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('import time\ntime.sleep(120)');
    await page.keyboard.press('Shift+Enter');
    await waitForState(cell, ['running'], 180_000);
    const stop = cell.getByRole('button', {name: 'Stop', exact: true});
    await stop.focus();
    await page.keyboard.press('Enter');
    await waitForState(cell, ['done', 'error', 'idle'], 30_000);
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-pyodocs-cell="home-demo"]')))).toBe(
      true,
    );
  });
});

describe('small screens', () => {
  // A phone of 320 px (the narrowest CSS width in use) and one of 360 px.
  test.each([320, 360])("at %i px, a cell's buttons fit one row, each at least 24 px square", async (width) => {
    const context = await site.browser.newContext({viewport: {width, height: 740}, isMobile: true, hasTouch: true});
    const page = await context.newPage();
    openPages.push(page);
    await page.goto(`${site.url}/docs/getting-started`, {waitUntil: 'networkidle'});
    await hydrated(page);
    const boxes = await page
      .locator('[data-pyodocs-cell]')
      .first()
      .locator('.pyodocs-toolbar button')
      .evaluateAll((buttons) =>
        buttons.map((button) => {
          const box = button.getBoundingClientRect();
          return {label: button.textContent, top: Math.round(box.top), width: box.width, height: box.height};
        }),
      );
    expect(boxes.map((box) => box.label)).toEqual(['Run', 'Stop', 'Reset', 'Edit', 'Copy']);
    expect(new Set(boxes.map((box) => box.top)).size).toBe(1);
    for (const box of boxes) expect(Math.min(box.width, box.height), box.label ?? '').toBeGreaterThanOrEqual(24);
  });
});
