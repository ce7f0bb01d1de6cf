import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, test} from 'vitest';
import {launchChromium} from '../src/chromium.js';
import {cellById, outputText, runCell, waitForState} from '../src/cells.js';
import {serveStatic, type StaticServer} from '../src/staticServer.js';

// Issue 13 in the built website, served as a plain host (no cross-origin
// isolation): Python restored from the memory snapshot the plugin ships, a
// snapshot that does not match falls back to a normal boot (the cell still
// runs, the console says why), and Stop on a busy loop ends it at once and
// replaces the worker in the background.

const SNAPSHOT_REQUEST = /\/pyodocs\/snapshot\.[0-9a-f]{16}\.bin$/;

let server: StaticServer;
let browser: Browser;
let snapshotFile: string;

beforeAll(async () => {
  const buildDir = inject('websiteBuildDir');
  const shipped = readdirSync(path.join(buildDir, 'pyodocs')).filter((name) => /^snapshot\..*\.bin$/.test(name));
  expect(shipped).toHaveLength(1);
  snapshotFile = path.join(buildDir, 'pyodocs', shipped[0] as string);
  server = await serveStatic(buildDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser profile on the robustness page; `console` collects what the page and its workers log. */
async function openRobustness(context: BrowserContext): Promise<{page: Page; console: string[]; requests: string[]}> {
  const page = await context.newPage();
  const console: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  page.on('worker', (worker) => worker.on('console', (message) => console.push(message.text())));
  // The context's requests include the worker's.
  context.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${server.url}/docs/robustness`, {waitUntil: 'networkidle'});
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  return {page, console, requests};
}

/** A copy of the shipped snapshot whose header says another Pyodide made it. */
function snapshotOfAnotherPyodide(): Buffer {
  const file = readFileSync(snapshotFile);
  const headerLength = file.readUInt32LE(8);
  const header = JSON.parse(file.subarray(12, 12 + headerLength).toString('utf8')) as {pyodideVersion: string};
  const json = Buffer.from(JSON.stringify({...header, pyodideVersion: '0.0.1'}), 'utf8');
  const prefix = Buffer.from(file.subarray(0, 12));
  prefix.writeUInt32LE(json.length, 8);
  return Buffer.concat([prefix, json, file.subarray(12 + headerLength)]);
}

describe('memory snapshot', () => {
  test('the page restores Python from the snapshot the build ships', async () => {
    const context = await browser.newContext();
    try {
      const {page, console, requests} = await openRobustness(context);
      const define = cellById(page, 'robust-define');
      expect(await runCell(define)).toBe('done');
      expect(requests.filter((url) => SNAPSHOT_REQUEST.test(url))).toHaveLength(1);
      // A snapshot that is not used always says so (next test): silence means it was restored.
      expect(console.filter((line) => line.includes('memory snapshot'))).toEqual([]);
      const after = cellById(page, 'robust-after');
      expect(await runCell(after)).toBe('done');
      expect(await outputText(after)).toBe("'still here'");
      // The restored heap pauses Python through JSPI (its run_sync and call
      // trampoline are this browser's): time.sleep waits, Stop interrupts it.
      const sleep = cellById(page, 'robust-sleep');
      await sleep.getByRole('button', {name: 'Run', exact: true}).click();
      await sleep.locator('[data-pyodocs-output]', {hasText: 'sleeping'}).waitFor({timeout: 60_000});
      await sleep.getByRole('button', {name: 'Stop', exact: true}).click();
      expect(await waitForState(sleep, ['error'])).toBe('error');
      expect(await outputText(sleep)).toContain('KeyboardInterrupt');
      expect(await outputText(sleep)).not.toContain('stack switching');
      expect(await runCell(after)).toBe('done');
    } finally {
      await context.close();
    }
  });

  test('a snapshot made with another Pyodide: Python boots as without it, the cell runs, the console says why', async () => {
    const context = await browser.newContext();
    try {
      const wrong = snapshotOfAnotherPyodide();
      await context.route(SNAPSHOT_REQUEST, (route) =>
        route.fulfill({status: 200, contentType: 'application/octet-stream', body: wrong}),
      );
      const {page, console} = await openRobustness(context);
      const define = cellById(page, 'robust-define');
      expect(await runCell(define)).toBe('done');
      const after = cellById(page, 'robust-after');
      expect(await runCell(after)).toBe('done');
      expect(await outputText(after)).toBe("'still here'");
      // One message (a worker's console may reach both listeners).
      const warnings = [...new Set(console.filter((line) => line.includes('memory snapshot')))];
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/was not used: it was made with Pyodide 0\.0\.1, this page loads Pyodide \d+/);
      // Nothing of it reaches the reader.
      expect(await page.locator('[data-pyodocs-cell]', {hasText: 'snapshot'}).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('Stop without cross-origin isolation', () => {
  test('a busy loop is stopped at once (no grace period); the replacement worker starts in the background; the next Run works', async () => {
    const context = await browser.newContext();
    try {
      const {page, requests} = await openRobustness(context);
      expect(await runCell(cellById(page, 'robust-define'))).toBe('done');
      const loop = cellById(page, 'robust-loop');
      await loop.getByRole('button', {name: 'Run', exact: true}).click();
      await waitForState(loop, ['running']);
      await loop.locator('[data-pyodocs-output]', {hasText: 'looping'}).waitFor({timeout: 60_000});
      const snapshotsBefore = requests.filter((url) => SNAPSHOT_REQUEST.test(url)).length;
      const replacement = context.waitForEvent('request', {
        predicate: (request) => SNAPSHOT_REQUEST.test(new URL(request.url()).pathname),
        timeout: 60_000,
      });

      const stopMs = await page.evaluate(async () => {
        const root = document.querySelector('[data-pyodocs-cell="robust-loop"]')!;
        const stop = Array.from(root.querySelectorAll('button')).find((button) => button.textContent === 'Stop')!;
        const started = performance.now();
        stop.click();
        while (root.getAttribute('data-state') === 'running') await new Promise((resolve) => setTimeout(resolve, 5));
        return performance.now() - started;
      });
      // Issue 13's target is 400 ms (measured by `pnpm bench`); before, Stop waited a 1 s grace period first.
      expect(stopMs).toBeLessThan(900);
      expect(await outputText(loop)).toContain('Restarted: the Python session was reset');

      // The replacement starts without a Run, from the snapshot.
      await replacement;
      expect(requests.filter((url) => SNAPSHOT_REQUEST.test(url)).length).toBe(snapshotsBefore + 1);
      const after = cellById(page, 'robust-after');
      expect(await runCell(after)).toBe('error');
      expect(await outputText(after)).toContain("NameError: name 'survivor' is not defined");
      expect(await runCell(cellById(page, 'robust-define'))).toBe('done');
      expect(await runCell(after)).toBe('done');
    } finally {
      await context.close();
    }
  });
});
