import type {Browser, Locator, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, test} from 'vitest';
import {launchChromium} from '../src/chromium.js';
import {cellById, outputText, runCell, waitForState} from '../src/cells.js';
import {serveStatic, type StaticServer} from '../src/staticServer.js';

// website/docs/robustness.mdx in Chromium, served twice: cross-origin isolated
// (COOP + COEP headers: Stop interrupts, input() waits on shared memory) and
// as a plain host (Stop restarts busy Python, but interrupts time.sleep and
// input(), which wait through JSPI). Where
// input() is unavailable (no JSPI, no isolation) is tested in Node, whose
// JSPI is off by default (packages/runtime/test/interrupts.test.ts).

let isolated: StaticServer;
let plain: StaticServer;
let browser: Browser;

beforeAll(async () => {
  isolated = await serveStatic(inject('websiteBuildDir'), {crossOriginIsolation: true});
  plain = await serveStatic(inject('websiteBuildDir'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await isolated?.close();
  await plain?.close();
});

async function openPage(server: StaticServer): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}/docs/robustness`, {waitUntil: 'networkidle'});
  await cellById(page, 'robust-define').getByRole('button', {name: 'Run', exact: true}).waitFor();
  return page;
}

/** Clicks Run and waits until the cell is running and has printed `marker`. */
async function startUntilPrinted(cell: Locator, marker: string): Promise<void> {
  await cell.getByRole('button', {name: 'Run', exact: true}).click();
  await waitForState(cell, ['running']);
  await cell.locator('[data-pyodocs-output]', {hasText: marker}).waitFor({timeout: 60_000});
}

/** Clicks Stop; milliseconds until the cell left `running`. */
async function stopAndTime(page: Page, _cell: Locator, id: string): Promise<number> {
  return page.evaluate(async (cellId) => {
    const root = document.querySelector(`[data-pyodocs-cell="${cellId}"]`)!;
    const stop = Array.from(root.querySelectorAll('button')).find((button) => button.textContent === 'Stop')!;
    const started = performance.now();
    stop.click();
    while (root.getAttribute('data-state') === 'running') await new Promise((resolve) => setTimeout(resolve, 5));
    return performance.now() - started;
  }, id);
}

/** The variable robust-define set is still there: Python was interrupted, not restarted. */
async function expectSurvivor(page: Page): Promise<void> {
  const after = cellById(page, 'robust-after');
  expect(await runCell(after)).toBe('done');
  expect(await outputText(after)).toBe("'still here'");
}

/** Runs the robust-input cell, types `name` into the field it shows, and checks the greeting. */
async function answerInput(cell: Locator, name: string): Promise<void> {
  await cell.getByRole('button', {name: 'Run', exact: true}).click();
  const field = cell.getByRole('textbox', {name: /Input for the running code/});
  await field.waitFor({timeout: 60_000});
  expect(await cell.innerText()).toContain('What is your name?');
  await field.fill(name);
  await field.press('Enter');
  expect(await waitForState(cell, ['done', 'error'])).toBe('done');
  expect(await outputText(cell)).toContain(`Hello, ${name}!`);
  expect(await field.count()).toBe(0);
}

describe('cross-origin isolated', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage(isolated);
  });
  afterAll(async () => {
    await page?.close();
  });

  test('the page is isolated', async () => {
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  });

  test.each([
    ['robust-loop', 'looping'],
    ['robust-sleep', 'sleeping'],
  ])('Stop interrupts %s within 0.5 s with KeyboardInterrupt and the variables survive', async (id, marker) => {
    expect(await runCell(cellById(page, 'robust-define'))).toBe('done');
    const cell = cellById(page, id);
    await startUntilPrinted(cell, marker);
    const ms = await stopAndTime(page, cell, id);
    expect(ms).toBeLessThan(500);
    expect(await outputText(cell)).toContain('KeyboardInterrupt');
    await expectSurvivor(page);
  });

  test('Stop also cancels the runs other cells queued in the same session', async () => {
    const loop = cellById(page, 'robust-loop');
    await startUntilPrinted(loop, 'looping');
    const after = cellById(page, 'robust-after');
    await after.getByRole('button', {name: 'Run', exact: true}).click();
    await waitForState(after, ['queued']);
    await loop.getByRole('button', {name: 'Stop', exact: true}).click();
    expect(await waitForState(loop, ['error'])).toBe('error');
    expect(await waitForState(after, ['idle'])).toBe('idle');
    expect(await outputText(after)).toContain('Stopped before it ran');
  });

  test('input() shows a field; what the reader types is returned', async () => {
    await answerInput(cellById(page, 'robust-input'), 'Ada');
  });

  test('a cell time limit stops the run and says so', async () => {
    const cell = cellById(page, 'robust-limit');
    const started = Date.now();
    await cell.getByRole('button', {name: 'Run', exact: true}).click();
    await cell.locator('[data-pyodocs-output]', {hasText: 'Stopped after 2 s (time limit)'}).waitFor({timeout: 60_000});
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await outputText(cell)).not.toContain('session was reset');
  });

  test('MemoryError and RecursionError are Python errors; the session keeps working', async () => {
    const memory = cellById(page, 'robust-memory');
    expect(await runCell(memory)).toBe('error');
    expect(await outputText(memory)).toContain('MemoryError');
    const recursion = cellById(page, 'robust-recursion');
    expect(await runCell(recursion)).toBe('error');
    expect(await outputText(recursion)).toContain('RecursionError');
    const still = cellById(page, 'robust-still-works');
    expect(await runCell(still)).toBe('done');
    expect(await outputText(still)).toBe("'the session still works'");
  });

  test('a worker closed by the code it runs is detected; the next Run starts a fresh one', async () => {
    const close = cellById(page, 'robust-close');
    expect(await runCell(close)).toBe('error');
    expect(await outputText(close)).toContain('The Python worker was closed by the code it ran');
    const still = cellById(page, 'robust-still-works');
    expect(await runCell(still)).toBe('done');
  });

  test('50 rapid Run clicks across 5 cells run exactly once each, in click order', async () => {
    const order: number[] = [];
    for (let click = 0; click < 50; click += 1) {
      const n = ((click * 3) % 5) + 1;
      order.push(n);
      await cellById(page, `robust-q${n}`).getByRole('button', {name: 'Run', exact: true}).click();
    }
    const list = cellById(page, 'robust-q-list');
    expect(await runCell(list)).toBe('done');
    expect(await outputText(list)).toBe(`50 [${order.join(', ')}]`);
  });
});

describe('not isolated', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage(plain);
  });
  afterAll(async () => {
    await page?.close();
  });

  test('Stop ends a busy `while True: pass` within 3 s by restarting Python; the next run works', async () => {
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    expect(await runCell(cellById(page, 'robust-define'))).toBe('done');
    const cell = cellById(page, 'robust-loop');
    await startUntilPrinted(cell, 'looping');
    expect(await stopAndTime(page, cell, 'robust-loop')).toBeLessThan(3000);
    expect(await outputText(cell)).toContain('Restarted: the Python session was reset');
    const after = cellById(page, 'robust-after');
    expect(await runCell(after)).toBe('error');
    expect(await outputText(after)).toContain("NameError: name 'survivor' is not defined");
    expect(await runCell(cellById(page, 'robust-define'))).toBe('done');
  });

  test('Stop during time.sleep interrupts it through JSPI within 0.5 s: no restart, the variables survive', async () => {
    expect(await runCell(cellById(page, 'robust-define'))).toBe('done');
    const cell = cellById(page, 'robust-sleep');
    await startUntilPrinted(cell, 'sleeping');
    expect(await stopAndTime(page, cell, 'robust-sleep')).toBeLessThan(500);
    const text = await outputText(cell);
    expect(text).toContain('KeyboardInterrupt');
    expect(text).not.toContain('Restarted');
    await expectSurvivor(page);
  });

  test('input() works through JSPI: what the reader types is returned', async () => {
    expect(await page.evaluate(() => 'Suspending' in WebAssembly)).toBe(true);
    await answerInput(cellById(page, 'robust-input'), 'Grace');
  });

  test('Stop while input() waits interrupts it without a restart: other sessions keep their variables', async () => {
    expect(await runCell(cellById(page, 'robust-define'))).toBe('done');
    const cell = cellById(page, 'robust-input');
    await cell.getByRole('button', {name: 'Run', exact: true}).click();
    await cell.getByRole('textbox', {name: /Input for the running code/}).waitFor({timeout: 60_000});
    await cell.getByRole('button', {name: 'Stop', exact: true}).click();
    expect(await waitForState(cell, ['error'])).toBe('error');
    const text = await outputText(cell);
    expect(text).toContain('KeyboardInterrupt');
    expect(text).not.toContain('Restarted');
    await expectSurvivor(page);
  });
});

describe('offline', () => {
  test('Pyodide files unreachable: the cell says Python could not run and what to check', async () => {
    const page = await browser.newPage();
    try {
      await page.route(/pyodide\.asm\.wasm/, (route) => route.abort());
      await page.goto(`${plain.url}/docs/robustness`, {waitUntil: 'networkidle'});
      const cell = cellById(page, 'robust-define');
      expect(await runCell(cell)).toBe('error');
      const text = await outputText(cell);
      expect(text).toContain('Python could not run');
      expect(text).toContain('Could not load Pyodide');
    } finally {
      await page.close();
    }
  });
});
