import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser, BrowserContext, Locator, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {hydrated} from '../src/cells.js';
import {launchChromium} from '../src/chromium.js';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {TMP_DIR} from '../src/paths.js';
import {recordPageErrors} from '../src/pageErrors.js';
import {serveStatic, type StaticServer} from '../src/staticServer.js';

// The reader's edits (issue 16) in a real `docusaurus build`, in Chromium:
// kept across client-side navigation and reload, forgotten by Reset, offered
// back after a new deploy changed the cell, and kept in memory when storage
// is full or refused. Nothing here runs Python: no Pyodide is downloaded.

const CHANGED_FROM = 'print(greeting)';
const CHANGED_TO = 'print(greeting.upper())';

let firstDeploy: StaticServer;
let secondDeploy: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const site = fixtureCopy('persistence-site');
  const first = path.join(TMP_DIR, 'persistence-site-build-1');
  const second = path.join(TMP_DIR, 'persistence-site-build-2');
  // Webpack's persistent cache (inside the scratch copy) makes the second
  // build incremental, as a CI cache would; a stale cell would fail the
  // id and code checks below, not pass them.
  const built = await buildSite(site, first, {persistentCache: true});
  if (built.code !== 0) throw new Error(`persistence-site build failed:\n${built.output}`);
  // A new deploy: the second cell's documented code changed (and with it its generated id).
  const page = path.join(site, 'docs', 'index.mdx');
  writeFileSync(page, readFileSync(page, 'utf8').replace(CHANGED_FROM, CHANGED_TO));
  const rebuilt = await buildSite(site, second, {persistentCache: true});
  if (rebuilt.code !== 0) throw new Error(`persistence-site second build failed:\n${rebuilt.output}`);
  firstDeploy = await serveStatic(first);
  secondDeploy = await serveStatic(second);
  browser = await launchChromium();
  // Two real builds on a shared 2-core machine.
}, 1_500_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await firstDeploy?.close();
  await secondDeploy?.close();
  removeFixtureCopies();
});

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  contexts.push(context);
  return context;
}

async function open(context: BrowserContext, url: string): Promise<{page: Page; errors: string[]}> {
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  await page.goto(url, {waitUntil: 'networkidle'});
  await hydrated(page);
  return {page, errors};
}

const cells = (page: Page): Locator => page.locator('[data-pyodocs-cell]');

/** The code a cell shows: the static block, or the editor's text. */
async function codeOf(cell: Locator): Promise<string> {
  const editor = cell.locator('.cm-content');
  if ((await editor.count()) > 0) return (await editor.innerText()).trim();
  return (await cell.locator('.pyodocs-code pre').first().innerText()).trim();
}

async function edit(cell: Locator, code: string): Promise<void> {
  await cell.getByRole('button', {name: 'Edit', exact: true}).click();
  const editor = cell.locator('.cm-content');
  await editor.waitFor();
  await editor.click();
  await cell.page().keyboard.press('ControlOrMeta+A');
  await cell.page().keyboard.insertText(code);
  await expect.poll(() => editor.innerText()).toBe(code);
}

/** Client-side navigation: follows the page's links to the other page and back, without a reload. */
async function visitOtherPageAndComeBack(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as {notReloaded: boolean}).notReloaded = true;
  });
  await page.getByRole('link', {name: 'the other page'}).click();
  await page.getByRole('heading', {name: 'Other page'}).waitFor();
  expect(await cells(page).count()).toBe(0);
  // exact: the sidebar's and the pagination's links say "Your work" too.
  await page.getByRole('link', {name: 'your work', exact: true}).click();
  await page.getByRole('heading', {name: 'Your work'}).waitFor();
  expect(await page.evaluate(() => (window as unknown as {notReloaded?: boolean}).notReloaded)).toBe(true);
}

async function savedEntries(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const entries: Record<string, unknown> = {};
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index);
      if (key?.startsWith('pyodocs:edits:')) entries[key] = JSON.parse(localStorage.getItem(key) ?? 'null');
    }
    return entries;
  });
}

describe("the reader's edits in a built site", () => {
  let context: BrowserContext;
  let cellIds: string[];

  test('an edit survives client-side navigation and reload, marked as the reader’s version', async () => {
    context = await newContext();
    const {page, errors} = await open(context, `${firstDeploy.url}/`);
    cellIds = await cells(page).evaluateAll((found) => found.map((cell) => cell.getAttribute('data-pyodocs-cell')!));
    expect(cellIds).toHaveLength(2);
    const second = cells(page).nth(1);
    expect(await codeOf(second)).toBe(CHANGED_FROM);
    expect(await second.locator('[data-pyodocs-edited]').count()).toBe(0);

    await edit(second, 'print(greeting, "world")');
    await expect.poll(() => second.locator('[data-pyodocs-edited]').innerText()).toContain('Your version');

    await visitOtherPageAndComeBack(page);
    const back = cells(page).nth(1);
    expect(await codeOf(back)).toBe('print(greeting, "world")');
    expect(await back.locator('[data-pyodocs-edited]').isVisible()).toBe(true);
    expect(await codeOf(cells(page).nth(0))).toBe('greeting = "hello"');

    const entries = await savedEntries(page);
    expect(Object.keys(entries)).toEqual(['pyodocs:edits:v1:["","/"]']);
    expect(entries['pyodocs:edits:v1:["","/"]']).toMatchObject({
      cells: {[cellIds[1]!]: {order: 1, edit: {code: 'print(greeting, "world")', base: CHANGED_FROM}}},
    });

    await page.reload({waitUntil: 'networkidle'});
    await hydrated(page);
    await expect.poll(() => codeOf(cells(page).nth(1))).toBe('print(greeting, "world")');
    expect(await cells(page).nth(1).locator('[data-pyodocs-edited]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an edit saved just before a reload is kept (the page-hide save)', async () => {
    const {page, errors} = await open(context, `${firstDeploy.url}/`);
    const first = cells(page).nth(0);
    await edit(first, 'greeting = "hi"');
    // No pause for the delayed save: leaving the page saves at once.
    await page.reload({waitUntil: 'networkidle'});
    await hydrated(page);
    await expect.poll(() => codeOf(cells(page).nth(0))).toBe('greeting = "hi"');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Reset brings back the documented code and removes the stored edit', async () => {
    const {page, errors} = await open(context, `${firstDeploy.url}/`);
    const first = cells(page).nth(0);
    await expect.poll(() => codeOf(first)).toBe('greeting = "hi"');
    await first.getByRole('button', {name: 'Reset', exact: true}).click();
    expect(await codeOf(first)).toBe('greeting = "hello"');
    expect(await first.locator('[data-pyodocs-edited]').count()).toBe(0);
    const entry = (await savedEntries(page))['pyodocs:edits:v1:["","/"]'] as {cells: Record<string, unknown>};
    expect(Object.keys(entry.cells)).toEqual([cellIds[1]]);

    await page.reload({waitUntil: 'networkidle'});
    await hydrated(page);
    expect(await codeOf(cells(page).nth(0))).toBe('greeting = "hello"');
    await expect.poll(() => codeOf(cells(page).nth(1))).toBe('print(greeting, "world")');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Copy puts the code the cell holds now on the clipboard and says so', async () => {
    const origin = firstDeploy.url;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin});
    const {page} = await open(context, `${origin}/`);
    const second = cells(page).nth(1);
    await expect.poll(() => codeOf(second)).toBe('print(greeting, "world")');
    await second.getByRole('button', {name: 'Copy', exact: true}).click();
    await expect.poll(() => second.locator('.pyodocs-copy-result').innerText()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('print(greeting, "world")');
    await page.close();
  });

  test('after a new deploy changed the edited cell: the new code, a notice, and the edit back on request', async () => {
    // The same reader's storage on the new deploy (another port is another origin: carried over).
    const state = await context.storageState();
    const saved = state.origins.find((origin) => origin.origin === firstDeploy.url);
    expect(saved).toBeDefined();
    const later = await newContext({
      storageState: {cookies: [], origins: [{origin: secondDeploy.url, localStorage: saved!.localStorage}]},
    });
    const {page, errors} = await open(later, `${secondDeploy.url}/`);
    const second = cells(page).nth(1);
    const newId = await second.getAttribute('data-pyodocs-cell');
    expect(newId).not.toBe(cellIds[1]);

    await expect.poll(() => second.locator('[data-pyodocs-earlier-edit]').count()).toBe(1);
    const notice = second.locator('[data-pyodocs-earlier-edit]');
    expect(await notice.innerText()).toContain('The documentation changed this example since you edited it');
    expect(await codeOf(second)).toBe(CHANGED_TO);
    expect(await second.locator('[data-pyodocs-edited]').count()).toBe(0);

    await notice.getByText('Show your version').click();
    expect((await notice.locator('pre').innerText()).trim()).toBe('print(greeting, "world")');

    await notice.getByRole('button', {name: 'Use your version'}).click();
    expect(await second.locator('[data-pyodocs-earlier-edit]').count()).toBe(0);
    expect(await codeOf(second)).toBe('print(greeting, "world")');
    expect(await second.locator('[data-pyodocs-edited]').isVisible()).toBe(true);
    expect((await savedEntries(page))['pyodocs:edits:v1:["","/"]']).toEqual({
      savedAt: expect.any(Number),
      cells: {
        [newId!]: {order: 1, edit: {code: 'print(greeting, "world")', base: CHANGED_TO, savedAt: expect.any(Number)}},
      },
    });

    await page.reload({waitUntil: 'networkidle'});
    await hydrated(page);
    await expect.poll(() => codeOf(cells(page).nth(1))).toBe('print(greeting, "world")');
    expect(await cells(page).nth(1).locator('[data-pyodocs-earlier-edit]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a page that turns it off (front matter pyodide: {persist: false})', () => {
  test('an edit is neither written to storage nor there after a reload', async () => {
    const context = await newContext();
    const {page, errors} = await open(context, `${firstDeploy.url}/not-kept`);
    const cell = cells(page).nth(0);
    await edit(cell, 'kept = "only while the page is open"');
    // Past the delayed save, and leaving the page would save at once.
    await page.waitForTimeout(1000);
    await page.reload({waitUntil: 'networkidle'});
    await hydrated(page);
    expect(await codeOf(cells(page).nth(0))).toBe('kept = False');
    expect(await savedEntries(page)).toEqual({});
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the saved edits' code, a chunk of its own", () => {
  const isSavedEditsChunk = (url: string) => /\/pyodocs-saved-edits\.[0-9a-f]+\.js$/.test(new URL(url).pathname);

  test('loads only when the reader edits or has edits saved; a reload shows the reader’s code, never the documented code after it', async () => {
    const context = await newContext();
    const requested: string[] = [];
    context.on('request', (request) => {
      if (isSavedEditsChunk(request.url())) requested.push(request.url());
    });
    const {page, errors} = await open(context, `${firstDeploy.url}/`);
    expect(requested).toEqual([]);
    await edit(cells(page).nth(1), 'print("mine")');
    expect(requested).toHaveLength(1);
    await expect.poll(async () => Object.keys(await savedEntries(page))).toEqual(['pyodocs:edits:v1:["","/"]']);

    // What the second cell shows, frame by frame from the first one.
    await page.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as {shownCode: string[]}).shownCode = shown;
      const sample = () => {
        const cell = document.querySelectorAll('[data-pyodocs-cell]')[1];
        const text = (
          cell?.querySelector('.cm-content') ?? cell?.querySelector('.pyodocs-code pre')
        )?.textContent?.trim();
        if (text !== undefined && shown.at(-1) !== text) shown.push(text);
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.reload({waitUntil: 'networkidle'});
    await hydrated(page);
    await expect.poll(() => codeOf(cells(page).nth(1))).toBe('print("mine")');
    const shown = await page.evaluate(() => (window as unknown as {shownCode: string[]}).shownCode);
    // The static HTML's documented code may show before the reader's version, never after it.
    expect(shown.slice(shown.indexOf('print("mine")'))).toEqual(['print("mine")']);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('when it cannot load, a reader with saved edits gets the page’s code, a warning, and no request loop', async () => {
    const context = await newContext();
    const {page, errors} = await open(context, `${firstDeploy.url}/`);
    const documented = await codeOf(cells(page).nth(1));
    await edit(cells(page).nth(1), 'print("saved, then unreachable")');
    await expect.poll(async () => Object.keys(await savedEntries(page))).toHaveLength(1);
    // A deploy that removed the chunk, or the network gone.
    const requested: string[] = [];
    await context.route(
      (url) => isSavedEditsChunk(url.href),
      (route) => {
        requested.push(route.request().url());
        return route.abort();
      },
    );
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.reload({waitUntil: 'networkidle'});
    await hydrated(page);
    await expect.poll(() => codeOf(cells(page).nth(1))).toBe(documented);
    await expect.poll(() => warnings.some((text) => text.includes('Your saved edits could not be loaded'))).toBe(true);
    await page.waitForTimeout(1000);
    // Asked for once (a failed load is retried by the next edit, not by every render).
    expect(requested).toHaveLength(1);
    // Webpack's own report of the failed chunk is the only console error.
    expect(errors.filter((error) => !/Loading chunk .* failed|ChunkLoadError|net::ERR_FAILED/.test(error))).toEqual([]);
    await page.close();
  });
});

describe('when storage is full or refused', () => {
  test.each([
    [
      'full: every write throws QuotaExceededError',
      () => {
        Storage.prototype.setItem = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
    ],
    [
      'refused: reading localStorage throws SecurityError',
      () => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      },
    ],
  ])('storage %s: edits stay for the visit, in memory, and nothing breaks', async (_title, breakStorage) => {
    const context = await newContext();
    await context.addInitScript(breakStorage);
    const {page, errors} = await open(context, `${firstDeploy.url}/`);
    await edit(cells(page).nth(1), 'print("kept in memory")');
    await visitOtherPageAndComeBack(page);
    expect(await codeOf(cells(page).nth(1))).toBe('print("kept in memory")');
    expect(await cells(page).nth(1).locator('[data-pyodocs-edited]').isVisible()).toBe(true);

    // Memory lasts as long as the tab's page: a reload starts from the documented code.
    await page.reload({waitUntil: 'networkidle'});
    await hydrated(page);
    expect(await codeOf(cells(page).nth(1))).toBe(CHANGED_FROM);
    expect(errors).toEqual([]);
    await page.close();
  });
});
