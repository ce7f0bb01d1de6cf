// The bench's measurements in Chromium (Debian's, like the e2e suite). Every
// timing is taken in the page with performance.now(): from the click (or the
// call) to the first output in the DOM (or the first line Python printed).
import {gzipSync} from 'node:zlib';
import {FIRST_OUTPUT} from './sites.mjs';

const WAIT_MS = 180_000;

/** A context whose requests are logged; `bandwidthMbps` throttles its network (CDP emulation). */
export async function newContext(browser, {bandwidthMbps} = {}) {
  const context = await browser.newContext();
  const requests = [];
  context.on('request', (request) => requests.push({url: request.url(), at: Date.now()}));
  context.requests = requests;
  context.throttle = async (page) => {
    if (!bandwidthMbps) return;
    const session = await context.newCDPSession(page);
    const bytesPerSecond = (bandwidthMbps * 1_000_000) / 8;
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
  };
  return context;
}

/** Find the cell whose text includes `text`, click its Run button, resolve with ms until its output shows `marker`. */
function clickRunAndWait([text, marker, waitMs]) {
  const cell = Array.from(document.querySelectorAll('[data-pyodocs-cell]')).find((element) =>
    element.textContent.includes(text),
  );
  if (!cell) throw new Error(`no cell with ${text}`);
  const run = Array.from(cell.querySelectorAll('button')).find(
    (button) => (button.getAttribute('aria-label') ?? button.textContent).trim() === 'Run',
  );
  if (!run) throw new Error('the cell has no Run button');
  const output = () => cell.querySelector('[data-pyodocs-output]')?.textContent ?? '';
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (output().includes(marker)) {
        observer.disconnect();
        resolve(performance.now() - started);
      }
    });
    observer.observe(cell, {subtree: true, childList: true, characterData: true});
    setTimeout(() => {
      observer.disconnect();
      reject(
        new Error(`no "${marker}" after ${waitMs} ms; cell state ${cell.getAttribute('data-state')}: ${output()}`),
      );
    }, waitMs);
    run.click();
  });
}

/**
 * The first Run of the page's first cell in a fresh tab: ms to its output.
 * `hoverMs`: the reader hovers the cell that long before clicking.
 * Also says whether Pyodide was requested before the click and whether a memory snapshot was fetched.
 */
export async function siteFirstOutput(context, pageUrl, {hoverMs = 0} = {}) {
  const page = await context.newPage();
  try {
    await context.throttle(page);
    await page.goto(pageUrl, {waitUntil: 'networkidle'});
    const cell = page.locator('[data-pyodocs-cell]', {hasText: FIRST_OUTPUT}).first();
    await cell.waitFor();
    const since = Date.now();
    if (hoverMs > 0) {
      await cell.hover();
      await page.waitForTimeout(hoverMs);
    }
    const clickedAt = Date.now();
    const ms = await page.evaluate(clickRunAndWait, [FIRST_OUTPUT, FIRST_OUTPUT, WAIT_MS]);
    const ours = context.requests.filter((request) => request.at >= since);
    return {
      ms,
      pyodideBeforeClick: ours.some(
        (request) => request.at < clickedAt && /pyodide\.asm\.(wasm|mjs)/.test(request.url),
      ),
      snapshot: ours.some((request) => /snapshot/i.test(request.url)),
    };
  } finally {
    await page.close();
  }
}

/** The bare baseline: ms from the call to the first line printed. */
export async function bareFirstOutput(context, baseUrl, indexURL) {
  const page = await context.newPage();
  try {
    await context.throttle(page);
    await page.goto(`${baseUrl}/__bench/bare.html`);
    return await page.evaluate((index) => window.bareFirstOutput(index), indexURL);
  } finally {
    await page.close();
  }
}

/** @pyodocs/runtime alone: ms to the first output of a run; `preloadMs`: preload() that long before. */
export async function runtimeFirstOutput(context, baseUrl, config, {preloadMs = 0} = {}) {
  const page = await context.newPage();
  try {
    await context.throttle(page);
    await page.goto(`${baseUrl}/__bench/runtime.html`);
    await page.waitForFunction(() => typeof window.runtimeClient === 'function');
    await page.evaluate((value) => window.runtimeClient(value), config);
    if (preloadMs > 0) {
      await page.evaluate(() => window.runtimePreload());
      await page.waitForTimeout(preloadMs);
    }
    const result = await page.evaluate(() => window.runtimeFirstOutput());
    if (result.outcome.status !== 'ok') throw new Error(`runtime run failed: ${JSON.stringify(result.outcome)}`);
    return {ms: result.ms, boot: result.status.boot, snapshotError: result.status.snapshotError};
  } finally {
    await page.close();
  }
}

/** Stop of the busy-loop cell: ms from the click to the cell leaving `running`, then ms for the next Run's output. */
export async function stopLatency(context, pageUrl) {
  const page = await context.newPage();
  try {
    await page.goto(pageUrl, {waitUntil: 'networkidle'});
    await page.locator('[data-pyodocs-cell]', {hasText: 'while True'}).first().waitFor();
    const result = await page.evaluate(async (waitMs) => {
      const cellWith = (text) =>
        Array.from(document.querySelectorAll('[data-pyodocs-cell]')).find((element) =>
          element.textContent.includes(text),
        );
      const button = (cell, name) =>
        Array.from(cell.querySelectorAll('button')).find(
          (element) => (element.getAttribute('aria-label') ?? element.textContent).trim() === name,
        );
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      const loop = cellWith('while True');
      const output = (cell) => cell.querySelector('[data-pyodocs-output]')?.textContent ?? '';
      button(loop, 'Run').click();
      const deadline = performance.now() + waitMs;
      // Until Python is inside the loop (the first Run also loads Pyodide).
      while (!(loop.getAttribute('data-state') === 'running' && output(loop).includes('looping'))) {
        if (performance.now() > deadline) throw new Error(`the loop never ran: ${loop.getAttribute('data-state')}`);
        await sleep(5);
      }
      await sleep(200);
      const stopped = performance.now();
      button(loop, 'Stop').click();
      while (loop.getAttribute('data-state') === 'running') await sleep(1);
      const stopMs = performance.now() - stopped;
      const after = cellWith('after stop');
      const ran = performance.now();
      button(after, 'Run').click();
      while (!output(after).includes('after stop')) {
        if (performance.now() > deadline) throw new Error('the Run after Stop never printed');
        await sleep(5);
      }
      return {stopMs, nextRunMs: performance.now() - ran, state: loop.getAttribute('data-state')};
    }, WAIT_MS);
    return {...result, crossOriginIsolated: await page.evaluate(() => crossOriginIsolated)};
  } finally {
    await page.close();
  }
}

/** The JavaScript a page load fetches (before any interaction): each file's bytes and gzip bytes. */
export async function pageScripts(browser, pageUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => undefined);
    if (body !== undefined)
      scripts.push({
        url: new URL(response.url()).pathname,
        bytes: body.length,
        gzip: gzipSync(body, {level: 9}).length,
      });
  });
  try {
    await page.goto(pageUrl, {waitUntil: 'networkidle'});
    await page.waitForTimeout(500);
    return {
      files: scripts.sort((a, b) => a.url.localeCompare(b.url)),
      bytes: scripts.reduce((sum, file) => sum + file.bytes, 0),
      gzip: scripts.reduce((sum, file) => sum + file.gzip, 0),
    };
  } finally {
    await context.close();
  }
}
