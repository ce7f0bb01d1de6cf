#!/usr/bin/env node
// `pnpm bench:execute`: what execution at build (issue 12) costs a build.
// Builds the 100-page × 10-cell site of `pnpm bench` (e2e/bench/sites.mjs,
// pages-execute) three ways, alternated so each sees the same load:
//
//   off     execute.mode 'off': no cell runs (the baseline)
//   cold    execute.mode 'cache' with an empty execution cache: every cell runs in Pyodide
//   cached  execute.mode 'cache' again, the cold build's cache kept: no cell runs,
//           every output comes from the execution cache
//
// Webpack's persistent cache is off in all three (DOCUSAURUS_NO_PERSISTENT_CACHE,
// as in `pnpm bench`): every page is compiled in every build, so the cached
// build's saving is the execution cache's alone. With webpack's cache on, a
// rebuild with no change would take every page from it and run no remark
// plugin at all, whatever the mode — comparing that with a build that
// compiles every page would say nothing about execution. Each build minifies
// (a default `docusaurus build`). A first build, not counted, makes the
// plugin's memory snapshot and warms the disk cache.
//
// Prints medians and the ratios cold ÷ off and cached ÷ off (target for
// cached: ≤ 1.1), writes a JSON. Figures, not assertions.
//
//   pnpm bench:execute [-- --runs 3] [--pages 100] [--out FILE]
//
// Needs `pnpm build` first.
import {existsSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {median} from './pairedRatio.mjs';
import {BENCH_DIR, buildSite, E2E_DIR, generateSite, MANY_PAGES} from './sites.mjs';

const {values} = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    runs: {type: 'string'},
    pages: {type: 'string'},
    out: {type: 'string'},
  },
});
const runs = Number(values.runs ?? 3);
const pages = Number(values.pages ?? MANY_PAGES);
const outFile = path.resolve(values.out ?? path.join(BENCH_DIR, 'execute-results.json'));
const REPO_DIR = path.join(E2E_DIR, '..');
const SITE = 'pages-execute';
const CACHE_DIR = path.join(BENCH_DIR, 'execution-cache');

for (const [file, what] of [
  [path.join(REPO_DIR, 'packages', 'runtime', 'lib', 'index.js'), "@pyodocs/runtime's lib"],
  [path.join(REPO_DIR, 'packages', 'build', 'lib', 'index.js'), '@pyodocs/build'],
  [path.join(REPO_DIR, 'packages', 'docusaurus-plugin', 'lib'), 'the Docusaurus plugin'],
]) {
  if (!existsSync(file)) {
    console.error(`${what} is not built (${path.relative(REPO_DIR, file)} is missing): run \`pnpm build\` first.`);
    process.exit(1);
  }
}

const log = (line) => console.error(`[bench:execute] ${line}`);

/** The "Executed N cells" line a build printed, if any. */
const executedLine = (output) => /\[pyodocs\] Executed [^\n]*/.exec(output)?.[0];

const VARIANTS = {
  off: {mode: 'off', emptyCache: false},
  cold: {mode: 'cache', emptyCache: true},
  cached: {mode: 'cache', emptyCache: false},
};

async function build(variant) {
  const {mode, emptyCache} = VARIANTS[variant];
  if (emptyCache) rmSync(CACHE_DIR, {recursive: true, force: true});
  let line;
  const ms = await buildSite(SITE, {
    env: {PYODOCS_BENCH_EXECUTE: mode, PYODOCS_BENCH_EXECUTION_CACHE: CACHE_DIR},
    onOutput: (output) => (line = executedLine(output)),
  });
  log(`${variant}: ${(ms / 1000).toFixed(1)} s${line ? ` — ${line}` : ''}`);
  return {ms, line};
}

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.platform()} ${os.release()}`,
  node: process.version,
  loadAverageAtStart: os.loadavg().map((value) => Number(value.toFixed(2))),
};

mkdirSync(BENCH_DIR, {recursive: true});
generateSite(SITE, {pages});
log(`warm-up build (not counted: makes the memory snapshot, fills the disk cache), ${pages} pages × 10 cells`);
await build('off');

const samples = {off: [], cold: [], cached: []};
const lines = {off: [], cold: [], cached: []};
for (let i = 0; i < runs; i += 1) {
  // cached right after cold: it reuses the cache cold just filled.
  for (const variant of ['off', 'cold', 'cached']) {
    log(`run ${i + 1}/${runs}, ${variant}`);
    const {ms, line} = await build(variant);
    samples[variant].push(ms);
    lines[variant].push(line ?? null);
  }
}
machine.loadAverageAtEnd = os.loadavg().map((value) => Number(value.toFixed(2)));

const medians = Object.fromEntries(Object.entries(samples).map(([variant, all]) => [variant, median(all)]));
const ratios = {
  coldOverOff: Number((medians.cold / medians.off).toFixed(2)),
  cachedOverOff: Number((medians.cached / medians.off).toFixed(2)),
};
const results = {
  date: new Date().toISOString(),
  machine,
  site: {pages, cellsPerPage: 10, webpackPersistentCache: false, minify: true},
  runs,
  samplesMs: samples,
  mediansMs: medians,
  ratios,
  target: {cachedOverOff: 1.1},
  executedLines: lines,
};
mkdirSync(path.dirname(outFile), {recursive: true});
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(`\npyodocs bench:execute — ${results.date}`);
console.log(
  `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}; load average ${machine.loadAverageAtStart.join(' ')} at start, ${machine.loadAverageAtEnd.join(' ')} at end`,
);
console.log(
  `${pages} pages × 10 cells, medians of ${runs} builds each, webpack's persistent cache off in all, minified\n`,
);
console.log(`execution off                      ${seconds(medians.off)}`);
console.log(
  `execution on, cold (empty cache)   ${seconds(medians.cold)}   cold ÷ off = ${ratios.coldOverOff.toFixed(2)}`,
);
console.log(
  `execution on, cached               ${seconds(medians.cached)}   cached ÷ off = ${ratios.cachedOverOff.toFixed(2)}  [target ≤ 1.1]`,
);
console.log(`\ncold:   ${lines.cold[0] ?? '(no Executed line)'}`);
console.log(`cached: ${lines.cached[0] ?? '(no Executed line)'}`);
console.log(`\nJSON: ${path.relative(process.cwd(), outFile)}`);
