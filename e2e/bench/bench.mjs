#!/usr/bin/env node
// `pnpm bench`: the table of issue 13 in one go. Builds the bench sites
// (e2e/bench/sites.mjs), serves them with a bare-Pyodide baseline page on the
// same origin (e2e/bench/server.mjs), drives Chromium (launched as the e2e suite does, e2e/src/chromium.js; e2e/bench/browser.mjs),
// prints medians and ratios and writes a JSON. Figures, not assertions: a row
// whose feature is missing prints "n/a" and why.
//
//   pnpm bench [-- --runs 7] [--build-runs 3] [--quick] [--skip-builds]
//              [--pages 100] [--bandwidth-mbps 50] [--out FILE] [--only build]
//
// --pages: pages of the `run` / plain-fence sites (issue 13: 100; fewer on a
// loaded machine, the ratio is what counts).
// --only build: only the `run` ÷ plain-fence build row (no Chromium), with
// each build's CPU time besides its duration: on a shared machine the
// duration moves with the other load, the CPU time much less. Ten builds a
// side unless --build-runs says otherwise.
//
// Needs `pnpm build` first (the plugin, the runtime's worker and lib).
import {existsSync, mkdirSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {
  bareFirstOutput,
  newContext,
  pageScripts,
  runtimeFirstOutput,
  siteFirstOutput,
  stopLatency,
} from './browser.mjs';
import {launchChromium} from '../src/chromium.js';
import {serveBench, siteRuntimeFiles} from './server.mjs';
import {median, pairRatios, ratioInterval} from './pairedRatio.mjs';
import {BENCH_DIR, buildDir, buildSite, E2E_DIR, generateSite, MANY_PAGES, seedSnapshotCache} from './sites.mjs';

const {values} = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    runs: {type: 'string'},
    'build-runs': {type: 'string'},
    quick: {type: 'boolean', default: false},
    'skip-builds': {type: 'boolean', default: false},
    pages: {type: 'string'},
    'bandwidth-mbps': {type: 'string'},
    out: {type: 'string'},
    only: {type: 'string'},
  },
});
if (values.only !== undefined && values.only !== 'build') {
  console.error(`--only takes \`build\` (the \`run\` ÷ plain-fence build row), not \`${values.only}\`.`);
  process.exit(1);
}
const onlyBuild = values.only === 'build';
const runs = Number(values.runs ?? (values.quick ? 3 : 7));
// --only build: ten pairs, which this 2-core machine needs to tell 1.05 from 1.10 (the interval printed with the row);
// the whole table keeps three, to stay a few minutes.
const buildRuns = Number(values['build-runs'] ?? (values.quick ? 1 : onlyBuild ? 10 : 3));
const manyPages = Number(values.pages ?? MANY_PAGES);
const bandwidthMbps = values['bandwidth-mbps'] === undefined ? undefined : Number(values['bandwidth-mbps']);
const outFile = path.resolve(values.out ?? path.join(BENCH_DIR, 'results.json'));
const REPO_DIR = path.join(E2E_DIR, '..');

const RUNTIME_DIR = path.join(REPO_DIR, 'packages', 'runtime');
for (const [file, what] of [
  [path.join(RUNTIME_DIR, 'dist', 'worker.js'), "@pyodocs/runtime's worker"],
  [path.join(RUNTIME_DIR, 'lib', 'index.js'), "@pyodocs/runtime's lib"],
  [path.join(REPO_DIR, 'packages', 'docusaurus-plugin', 'lib'), 'the Docusaurus plugin'],
]) {
  if (!existsSync(file)) {
    console.error(`${what} is not built (${path.relative(REPO_DIR, file)} is missing): run \`pnpm build\` first.`);
    process.exit(1);
  }
}

const summary = (numbers) => ({
  median: median(numbers),
  min: Math.min(...numbers),
  max: Math.max(...numbers),
  n: numbers.length,
  all: numbers,
});
const log = (line) => console.error(`[bench] ${line}`);

function directoryBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directoryBytes(full) : statSync(full).size;
  }
  return total;
}

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  loadAverageAtStart: os.loadavg().map((value) => Number(value.toFixed(2))),
};
const results = {
  date: new Date().toISOString(),
  machine,
  options: {runs, buildRuns, manyPages, bandwidthMbps},
  builds: {},
  measurements: {},
  rows: [],
};

// --- the memory snapshot ------------------------------------------------------------
// Made once here (the time is a row of its own) and put in each bench site's
// cache, as a CI that keeps node_modules/.cache between builds has it: the
// build times then compare the pages, not one Pyodide start-up.
let snapshot;
try {
  const runtimeNode = await import(path.join(RUNTIME_DIR, 'lib', 'node', 'index.js'));
  const key = await runtimeNode.pyodideSnapshotKey();
  const file = path.join(BENCH_DIR, `snapshot-${key.slice(0, 16)}.bin`);
  let makeMs;
  if (!existsSync(file)) {
    log('making the memory snapshot');
    const started = performance.now();
    // As the plugin makes it: in a child process with JSPI on (a browser with JSPI refuses a heap made without it).
    await runtimeNode.writeSnapshotInChildProcess(file);
    makeMs = performance.now() - started;
  }
  snapshot = {file, key, bytes: statSync(file).size, makeMs};
} catch (error) {
  snapshot = {error: `this runtime cannot make a memory snapshot (${error.message})`};
}
results.measurements.snapshot = snapshot;

// --- builds -------------------------------------------------------------------------
mkdirSync(BENCH_DIR, {recursive: true});
for (const name of onlyBuild ? [] : ['cells', 'cells-noplugin', 'nocells', 'nocells-noplugin']) {
  if (values['skip-builds'] && existsSync(buildDir(name))) continue;
  log(`building ${name}`);
  generateSite(name);
  seedSnapshotCache(name, snapshot);
  results.builds[name] = {ms: await buildSite(name)};
}
const buildTimes = {'pages-run': [], 'pages-plain': []};
const buildCpu = {'pages-run': [], 'pages-plain': []};
if (!(values['skip-builds'] && existsSync(buildDir('pages-run')) && existsSync(buildDir('pages-plain')))) {
  for (const name of ['pages-run', 'pages-plain']) {
    generateSite(name, {pages: manyPages});
    seedSnapshotCache(name, snapshot);
  }
  // Alternated, in turn first, so both sides see the same load of a shared machine.
  for (let i = 0; i < buildRuns; i += 1) {
    for (const name of i % 2 ? ['pages-plain', 'pages-run'] : ['pages-run', 'pages-plain']) {
      log(`building ${name} (${i + 1}/${buildRuns})`);
      buildTimes[name].push(await buildSite(name, {onCpu: (ms) => buildCpu[name].push(ms)}));
    }
  }
}

function buildRow() {
  const figure = `build, ${manyPages} pages × 10 cells, \`run\` ÷ plain fences`;
  if (buildTimes['pages-run'].length === 0)
    return {figure, value: 'n/a', why: '--skip-builds reused the builds', target: '≤ 1.05'};
  const run = median(buildTimes['pages-run']);
  const plain = median(buildTimes['pages-plain']);
  const cpuRun = median(buildCpu['pages-run']);
  const cpuPlain = median(buildCpu['pages-plain']);
  // How far the figure can be trusted on a machine whose speed drifts (pairedRatio.mjs).
  const pairs = pairRatios(buildTimes['pages-run'], buildTimes['pages-plain']);
  const interval = ratioInterval(buildTimes['pages-run'], buildTimes['pages-plain']);
  const spread = `pairs' median ${median(pairs).toFixed(2)}, ${Math.round(interval.level * 100)} % interval ${interval.low.toFixed(2)}–${interval.high.toFixed(2)}`;
  return {
    figure,
    value: `${(run / 1000).toFixed(1)} s ÷ ${(plain / 1000).toFixed(1)} s`,
    ratio: Number((run / plain).toFixed(2)),
    target: '≤ 1.05',
    note: `${spread}; CPU time ${(cpuRun / 1000).toFixed(1)} s ÷ ${(cpuPlain / 1000).toFixed(1)} s = ${(cpuRun / cpuPlain).toFixed(2)}`,
    stats: {
      pairRatios: pairs,
      pairRatioMedian: median(pairs),
      ratioInterval: interval,
      run: summary(buildTimes['pages-run']),
      plain: summary(buildTimes['pages-plain']),
      cpuRun: summary(buildCpu['pages-run']),
      cpuPlain: summary(buildCpu['pages-plain']),
    },
  };
}

if (onlyBuild) {
  machine.loadAverageAtEnd = os.loadavg().map((value) => Number(value.toFixed(2)));
  results.measurements.buildTimesMs = buildTimes;
  results.measurements.buildCpuMs = buildCpu;
  results.rows.push(buildRow());
  printResults();
  process.exit(0);
}

// --- Chromium -----------------------------------------------------------------------
const cells = siteRuntimeFiles(buildDir('cells'));
const server = await serveBench(buildDir('cells'), {snapshotFile: snapshot.file});
const cellsPage = `${server.url}/cells`;
const runtimeConfig = (withSnapshot) => ({
  workerUrl: cells.workerUrl,
  indexURL: cells.indexURL,
  ...(withSnapshot ? {snapshotUrl: '/__bench/snapshot.bin'} : {}),
});
const browser = await launchChromium();
machine.chromium = browser.version();
const samples = {};
const sample = async (name, measure) => {
  try {
    const value = await measure();
    samples[name] = [...(samples[name] ?? []), value];
  } catch (error) {
    samples[`${name}:error`] = error.message.split('\n')[0];
    log(`${name}: ${error.message.split('\n')[0]}`);
  }
};
try {
  for (let i = 0; i < runs; i += 1) {
    log(`cold caches, run ${i + 1}/${runs}`);
    // A fresh context is a browser with an empty HTTP cache.
    for (const [name, measure] of [
      ['site cold', (context) => siteFirstOutput(context, cellsPage)],
      ['bare cold', (context) => bareFirstOutput(context, server.url, cells.indexURL)],
      ['runtime+snapshot cold', (context) => runtimeFirstOutput(context, server.url, runtimeConfig(true))],
    ]) {
      const context = await newContext(browser, {bandwidthMbps});
      await sample(name, () => measure(context));
      await context.close();
    }
  }
  log('warm caches');
  const warm = await newContext(browser);
  // One visit of each first, so every file is in the HTTP cache (and compiled wasm in the code cache).
  await sample('prime', () => siteFirstOutput(warm, cellsPage));
  await sample('prime', () => bareFirstOutput(warm, server.url, cells.indexURL));
  await sample('prime', () => runtimeFirstOutput(warm, server.url, runtimeConfig(true)));
  for (let i = 0; i < runs; i += 1) {
    log(`warm caches, run ${i + 1}/${runs}`);
    await sample('site warm', () => siteFirstOutput(warm, cellsPage));
    await sample('bare warm', () => bareFirstOutput(warm, server.url, cells.indexURL));
    await sample('site hover 300 ms', () => siteFirstOutput(warm, cellsPage, {hoverMs: 300}));
    await sample('runtime+snapshot warm', () => runtimeFirstOutput(warm, server.url, runtimeConfig(true)));
    await sample('runtime+snapshot preload 300 ms', () =>
      runtimeFirstOutput(warm, server.url, runtimeConfig(true), {preloadMs: 300}),
    );
    await sample('stop', () => stopLatency(warm, cellsPage));
  }
  await warm.close();
} finally {
  await server.close();
}

// Page weight: the same pages built with and without the plugin.
const weights = {};
for (const [label, site, page] of [
  ['cells page', 'cells', '/cells'],
  ['page without cells (site with cells)', 'cells', '/nocells'],
  ['page of a site without cells', 'nocells', '/nocells'],
]) {
  const withPlugin = await serveBench(buildDir(site));
  const without = await serveBench(buildDir(`${site}-noplugin`));
  try {
    weights[label] = {
      plugin: await pageScripts(browser, `${withPlugin.url}${page}`),
      noPlugin: await pageScripts(browser, `${without.url}${page}`),
    };
  } finally {
    await withPlugin.close();
    await without.close();
  }
}
await browser.close();
results.measurements.samples = samples;
results.measurements.pageScripts = weights;
results.measurements.buildTimesMs = buildTimes;
const noCellsOutput = {
  plugin: directoryBytes(buildDir('nocells')),
  noPlugin: directoryBytes(buildDir('nocells-noplugin')),
};
results.measurements.noCellsBuildBytes = noCellsOutput;
machine.loadAverageAtEnd = os.loadavg().map((value) => Number(value.toFixed(2)));

// --- the table ----------------------------------------------------------------------
const ms = (name) => (samples[name] ?? []).map((value) => (typeof value === 'number' ? value : value.ms));
const rows = results.rows;
const missing = (name) => samples[`${name}:error`] ?? 'no samples';

function ratioRow(figure, name, baseline, target, note) {
  const value = ms(name);
  const base = ms(baseline);
  if (value.length === 0 || base.length === 0) {
    rows.push({figure, value: 'n/a', why: value.length === 0 ? missing(name) : missing(baseline), target});
    return;
  }
  rows.push({
    figure,
    value: `${median(value).toFixed(0)} ms ÷ ${median(base).toFixed(0)} ms`,
    ratio: Number((median(value) / median(base)).toFixed(2)),
    target,
    stats: {value: summary(value), baseline: summary(base)},
    ...(note ? {note} : {}),
  });
}

const siteSamples = [...(samples['site cold'] ?? []), ...(samples['site warm'] ?? [])];
const siteSnapshot = siteSamples.some((value) => value.snapshot)
  ? 'the site restores the memory snapshot'
  : 'the site does not use a memory snapshot yet (the plugin does not pass snapshotUrl)';
ratioRow(
  'first Run → first output, warm HTTP cache ÷ bare loadPyodide+print',
  'site warm',
  'bare warm',
  '≤ 0.40',
  siteSnapshot,
);
ratioRow(
  'same, cold HTTP cache',
  'site cold',
  'bare cold',
  '≤ 0.9',
  bandwidthMbps ? `network at ${bandwidthMbps} Mbit/s` : 'localhost: no bandwidth limit',
);
const hovered = samples['site hover 300 ms'] ?? [];
ratioRow(
  'first output when the reader hovered the cell 300 ms before clicking ÷ bare (warm)',
  'site hover 300 ms',
  'bare warm',
  '≤ 0.25',
  hovered.some((value) => value.pyodideBeforeClick)
    ? 'Python started on hover'
    : 'no pre-warm on hover in this build (Pyodide was first requested at the click)',
);
const stops = samples.stop ?? [];
if (stops.length > 0) {
  const stopMs = stops.map((value) => value.stopMs);
  const nextMs = stops.map((value) => value.nextRunMs);
  rows.push({
    figure: 'Stop of a busy loop without isolation',
    value: `${median(stopMs).toFixed(0)} ms to "stopped"; next Run's output ${median(nextMs).toFixed(0)} ms`,
    target: '≤ 400 ms, next Run works',
    stats: {stop: summary(stopMs), nextRun: summary(nextMs)},
    note: `crossOriginIsolated=${stops[0].crossOriginIsolated}`,
  });
} else
  rows.push({figure: 'Stop of a busy loop without isolation', value: 'n/a', why: missing('stop'), target: '≤ 400 ms'});

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
for (const [label, target] of [
  ['page without cells (site with cells)', '≤ 1 kB'],
  ['page of a site without cells', '≤ 1 kB'],
  ['cells page', '≤ 12 kB'],
]) {
  const weight = weights[label];
  const added = weight.plugin.gzip - weight.noPlugin.gzip;
  const newFiles = weight.plugin.files.filter((file) => !weight.noPlugin.files.some((other) => other.url === file.url));
  rows.push({
    figure:
      label === 'cells page' ? 'pyodocs JS on a page with cells, before Run (gzip)' : `pyodocs JS on a ${label} (gzip)`,
    value: kB(added),
    target,
    note: `${kB(weight.plugin.gzip)} with the plugin, ${kB(weight.noPlugin.gzip)} without; ${newFiles.length} more file(s)`,
  });
}

rows.push(buildRow());
results.measurements.buildCpuMs = buildCpu;

rows.push({
  figure: 'build output of a site with no cells',
  value: `${noCellsOutput.plugin >= noCellsOutput.noPlugin ? '+' : ''}${kB(noCellsOutput.plugin - noCellsOutput.noPlugin)}`,
  target: '+ 0',
  note: existsSync(path.join(buildDir('nocells'), 'pyodide'))
    ? 'the build holds a pyodide/ folder'
    : 'no pyodide/ folder',
});

// Beyond the site: what @pyodocs/runtime does by itself with the memory snapshot.
if (snapshot.error) {
  rows.push({figure: 'runtime alone, memory snapshot', value: 'n/a', why: snapshot.error});
} else {
  ratioRow('runtime alone + memory snapshot, warm ÷ bare', 'runtime+snapshot warm', 'bare warm', '(≤ 0.40)');
  ratioRow('runtime alone + memory snapshot, cold ÷ bare', 'runtime+snapshot cold', 'bare cold', '(≤ 0.9)');
  ratioRow(
    'runtime alone + snapshot, preload() 300 ms before Run, warm ÷ bare',
    'runtime+snapshot preload 300 ms',
    'bare warm',
    '(≤ 0.25)',
  );
  rows.push({
    figure: 'memory snapshot file',
    value: kB(snapshot.bytes),
    note: snapshot.makeMs
      ? `made in ${(snapshot.makeMs / 1000).toFixed(1)} s`
      : 'reused from an earlier run (same key)',
  });
}

printResults();

function printResults() {
  mkdirSync(path.dirname(outFile), {recursive: true});
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);

  const rows = results.rows;
  const width = Math.max(...rows.map((row) => row.figure.length));
  console.log(`\npyodocs bench — ${results.date}`);
  console.log(
    `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}${machine.chromium ? `, Chromium ${machine.chromium}` : ''}`,
  );
  console.log(
    `load average ${machine.loadAverageAtStart.join(' ')} at start, ${machine.loadAverageAtEnd.join(' ')} at end; ${onlyBuild ? `medians of ${buildRuns} builds each` : `medians of ${runs} runs (builds: ${buildRuns})`}\n`,
  );
  for (const row of rows) {
    const ratio = row.ratio === undefined ? '' : ` = ${row.ratio}`;
    const tail = row.why ? ` (${row.why})` : row.note ? ` — ${row.note}` : '';
    console.log(
      `${row.figure.padEnd(width)}  ${row.value}${ratio}${row.target ? `  [target ${row.target}]` : ''}${tail}`,
    );
  }
  console.log(`\nJSON: ${path.relative(process.cwd(), outFile)}`);
}
