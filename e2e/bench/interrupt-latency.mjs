#!/usr/bin/env node
// Interrupt latency of Stop on website/docs/robustness.mdx in Chromium: the
// median of N Stop presses on `while True: pass` and on `time.sleep(30)`,
// with the page cross-origin isolated (KeyboardInterrupt through the shared
// interrupt buffer) and not (a busy loop: the worker is terminated after the
// grace period and restarted; a sleep: KeyboardInterrupt through JSPI).
// A benchmark: it prints numbers and asserts nothing.
//
//   pnpm bench:interrupt [-- --runs 10] [--site DIR]
//
// DIR is a built website (default: website/build, else the e2e build in
// e2e/.tmp/website-build); build one with `pnpm --filter website build`.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {launchChromium} from '../src/chromium.js';
import {serveStatic} from '../src/staticServer.js';
import {median} from './pairedRatio.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const {values} = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {runs: {type: 'string', default: '10'}, site: {type: 'string'}},
  allowPositionals: true,
});
const runs = Number(values.runs);
const site =
  values.site ??
  [path.join(root, 'website', 'build'), path.join(root, 'e2e', '.tmp', 'website-build')].find((dir) =>
    existsSync(path.join(dir, 'docs', 'robustness', 'index.html')),
  );
if (!site) {
  console.error(
    'No built website with docs/robustness found. Run `pnpm build && pnpm --filter website build` first, or pass --site DIR.',
  );
  process.exit(1);
}

/** Milliseconds from Stop to the cell leaving `running`, for each of `runs` presses. */
async function measure(browser, isolated, cellId, marker) {
  const server = await serveStatic(site, {crossOriginIsolation: isolated});
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/docs/robustness`, {waitUntil: 'networkidle'});
    const latencies = [];
    for (let i = 0; i < runs; i += 1) {
      const ms = await page.evaluate(
        async ([cellId, marker]) => {
          const cell = document.querySelector(`[data-pyodocs-cell="${cellId}"]`);
          const button = (name) => Array.from(cell.querySelectorAll('button')).find((b) => b.textContent === name);
          const output = () => cell.querySelector('[data-pyodocs-output]')?.textContent ?? '';
          button('Run').click();
          // Until Python is inside the loop or sleep (the first run also loads Pyodide).
          while (!(cell.getAttribute('data-state') === 'running' && output().includes(marker))) {
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
          const started = performance.now();
          button('Stop').click();
          while (cell.getAttribute('data-state') === 'running') await new Promise((resolve) => setTimeout(resolve, 1));
          return performance.now() - started;
        },
        [cellId, marker],
      );
      latencies.push(ms);
    }
    return {crossOriginIsolated: await page.evaluate(() => crossOriginIsolated), latencies};
  } finally {
    await page.close();
    await server.close();
  }
}

const browser = await launchChromium();
try {
  console.log(`Stop latency, ${runs} runs each (site: ${path.relative(root, site)})`);
  for (const [cellId, marker, code] of [
    ['robust-loop', 'looping', 'while True: pass'],
    ['robust-sleep', 'sleeping', 'time.sleep(30)'],
  ]) {
    for (const isolated of [true, false]) {
      const {crossOriginIsolated, latencies} = await measure(browser, isolated, cellId, marker);
      const how = isolated ? 'isolation on ' : 'isolation off';
      console.log(
        `${code.padEnd(16)} ${how}: median ${median(latencies).toFixed(1)} ms  min ${Math.min(...latencies).toFixed(1)}  max ${Math.max(...latencies).toFixed(1)}  crossOriginIsolated=${crossOriginIsolated}`,
      );
    }
  }
  console.log(
    '(isolation off, busy loop: Python is restarted after the 1 s grace, every session is lost and the next Run reloads Pyodide.)',
  );
} finally {
  await browser.close();
}
