import {availableParallelism} from 'node:os';
import path from 'node:path';
import {
  bundlePackages,
  type CellExecution,
  describeCellFailure,
  distributionLock,
  type ExecutableCell,
  type PageExecution,
  PageExecutor,
} from '@pyodocs/build';
import type {PageManifest} from '@pyodocs/remark';
import {PYODIDE_VERSION, type PyodideLock} from '@pyodocs/runtime';
import type {CellReport, CheckReport, CheckSummary, PageReport, PageStatus} from './CheckReport.js';
import {findPages, pagePath} from './findPages.js';
import {type PageReadingOptions, type ReadPage, readPageManifest} from './readPageManifest.js';
import {inShard, type Shard} from './shards.js';
import {unknownImportLines} from './unknownImportLines.js';

export interface CheckOptions extends PageReadingOptions {
  /** Pages, folders of pages, or Docusaurus sites (their docs/, blog/, src/pages/). Default: the current directory. */
  paths?: string[];
  /** What relative paths (arguments, `cacheDir`, page paths in the report) are relative to. Default: process.cwd(). */
  cwd?: string;
  /** Pages checked at once, each with its own Pyodide. Default: the number of CPUs. */
  jobs?: number;
  /** Only the pages of this shard. */
  shard?: Shard;
  /** Holds `execution/` (the execution cache) and `packages/` (the package cache). Default: node_modules/.cache/pyodocs. */
  cacheDir?: string;
  /** Run every cell, ignoring the execution cache. */
  force?: boolean;
  /** Also report authoring problems and imports no package source provides. */
  lint?: boolean;
  /** Time limit of a cell without `timeout=`, in seconds. Default 30. */
  timeoutSeconds?: number;
  /** The Pyodide distribution lock packages come from; default the official one; null: none. */
  distributionUrl?: string | null;
  /** PyPI's JSON API, for packages not in the lock; default https://pypi.org; null: none. */
  pypiUrl?: string | null;
  /** Progress, one line at a time. */
  log?: (line: string) => void;
}

export const DEFAULT_CHECK_CACHE_DIR = path.join('node_modules', '.cache', 'pyodocs');

/**
 * Runs the cells and doctests of every page, headless, without building the
 * site: each page is read with the page pass the Docusaurus plugin uses,
 * then executed by a `PageExecutor` (the one a build with execution uses,
 * sharing its cache). Pages run `jobs` at a time; the report lists them in
 * path order, so it does not depend on `jobs`.
 */
export async function checkPages(options: CheckOptions = {}): Promise<CheckReport> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const log = options.log ?? (() => undefined);
  const cacheDir = path.resolve(cwd, options.cacheDir ?? DEFAULT_CHECK_CACHE_DIR);
  const packageCacheDir = path.join(cacheDir, 'packages');
  const files = (await findPages(options.paths ?? ['.'], cwd)).filter(
    (file) => options.shard === undefined || inShard(pagePath(file, cwd), options.shard),
  );
  const pages = await Promise.all(
    files.map(async (file) => ({file, read: await readPageManifest(file, cwd, options)})),
  );

  const manifests = pages.flatMap(({read}) => (read.manifest ? [read.manifest] : []));
  const lock =
    typeof options.distributionUrl === 'string'
      ? await distributionLock(options.distributionUrl, {cacheDir: packageCacheDir})
      : undefined;
  const packageOptions = {
    cacheDir: packageCacheDir,
    ...(options.distributionUrl === undefined ? {} : {distributionUrl: options.distributionUrl}),
    ...(options.pypiUrl === undefined ? {} : {pypiUrl: options.pypiUrl}),
    ...(lock ? {lock} : {}),
  };
  const sitePackages = {
    packages: manifests.flatMap((manifest) => manifest.packages),
    imports: manifests.flatMap((manifest) => manifest.imports),
  };
  // Fetched once here, so the jobs find every package in the cache instead of downloading it side by side.
  const bundle = manifests.some((manifest) => manifest.cells.length > 0)
    ? await bundlePackages(sitePackages, packageOptions)
    : undefined;

  const executions = await executePages(
    pages.flatMap(({read}) => (read.manifest && read.manifest.cells.length > 0 ? [read.manifest] : [])),
    {
      jobs: options.jobs ?? availableParallelism(),
      force: options.force ?? false,
      log,
      executorOptions: {
        cacheDir: path.join(cacheDir, 'execution'),
        packages: packageOptions,
        sitePackages,
        ...(options.timeoutSeconds === undefined ? {} : {timeoutSeconds: options.timeoutSeconds}),
        log,
      },
    },
  );

  const reports = pages.map(({file, read}) =>
    pageReport(pagePath(file, cwd), read, executions.get(read.manifest ?? emptyManifest), {
      lint: options.lint ?? false,
      unknownImports: bundle?.unknownImports ?? [],
    }),
  );
  return {
    reportVersion: 1,
    pyodideVersion: PYODIDE_VERSION,
    shard: options.shard,
    pages: reports,
    summary: summarize(reports),
    packageProblems: options.lint ? (bundle?.failed ?? []) : [],
  };
}

const emptyManifest: PageManifest = {
  path: undefined,
  cells: [],
  sessions: [],
  packages: [],
  imports: [],
  notebook: [],
  includes: [],
};

type PageOutcome = {execution: PageExecution} | {error: string};

/** Runs the pages on `jobs` executors (one Pyodide each, started when a page first needs it). */
async function executePages(
  manifests: PageManifest[],
  options: {
    jobs: number;
    force: boolean;
    log: (line: string) => void;
    executorOptions: ConstructorParameters<typeof PageExecutor>[0] & {packages: {lock?: PyodideLock}};
  },
): Promise<Map<PageManifest, PageOutcome>> {
  const outcomes = new Map<PageManifest, PageOutcome>();
  const queue = [...manifests];
  const jobs = Math.max(1, Math.min(options.jobs, manifests.length));
  let done = 0;
  await Promise.all(
    Array.from({length: jobs}, async () => {
      const executor = new PageExecutor(options.executorOptions);
      try {
        for (let manifest = queue.shift(); manifest !== undefined; manifest = queue.shift()) {
          let outcome: PageOutcome;
          try {
            outcome = {execution: await executor.executePage(manifest, {force: options.force})};
          } catch (error) {
            outcome = {error: error instanceof Error ? error.message : String(error)};
          }
          outcomes.set(manifest, outcome);
          done += 1;
          options.log(`[${done}/${manifests.length}] ${manifest.path}: ${progressWord(outcome)}`);
        }
      } finally {
        await executor.close();
      }
    }),
  );
  return outcomes;
}

function progressWord(outcome: PageOutcome): string {
  if ('error' in outcome) return `could not run: ${outcome.error}`;
  const {cells, stats} = outcome.execution;
  const statuses = Array.from(cells.values(), (cell) => cell.status);
  const verdict = statuses.some((status) => status === 'error' || status === 'timeout')
    ? 'failed'
    : statuses.every((status) => status === 'skipped')
      ? 'skipped'
      : 'passed';
  const counts = (['executed', 'cached', 'skipped'] as const).flatMap((key) =>
    stats[key] > 0 ? [`${stats[key]} ${key}`] : [],
  );
  return `${verdict} (${counts.join(', ')})`;
}

function pageReport(
  path: string,
  read: ReadPage,
  outcome: PageOutcome | undefined,
  options: {lint: boolean; unknownImports: readonly string[]},
): PageReport {
  const manifest = read.manifest;
  const problems = manifest === undefined || options.lint ? [...read.problems] : [];
  if (outcome !== undefined && 'error' in outcome) {
    problems.push({
      line: undefined,
      column: undefined,
      message: `Could not execute the page: ${outcome.error}`,
      ruleId: undefined,
    });
  }
  const execution = outcome !== undefined && 'execution' in outcome ? outcome.execution : undefined;
  const cells = (manifest?.cells ?? []).flatMap((cell) => {
    const result = execution?.cells.get(cell.id);
    return result === undefined ? [] : [cellReport(cell, result, read.source)];
  });
  const unknownImports =
    options.lint && manifest !== undefined ? unknownImportLines(manifest, options.unknownImports, read.source) : [];
  const stats = execution?.stats ?? {executed: 0, cached: 0, replayed: 0, skipped: 0};
  return {path, status: pageStatus(manifest, cells, problems), cells, stats, problems, unknownImports};
}

function cellReport(cell: ExecutableCell, execution: CellExecution, source: string): CellReport {
  const failure = describeCellFailure(cell, execution, source);
  return {
    id: cell.id,
    kind: cell.kind,
    session: cell.session,
    line: cell.position?.line,
    status: execution.status,
    fromCache: execution.fromCache,
    durationMs: execution.durationMs,
    ...(execution.reason === undefined ? {} : {reason: execution.reason}),
    ...(failure === undefined
      ? {}
      : {
          failure: {
            line: failure.line,
            column: failure.column,
            summary: failure.summary,
            traceback: failure.traceback,
            ...(failure.hint === undefined ? {} : {hint: failure.hint}),
          },
        }),
  };
}

function pageStatus(
  manifest: PageManifest | undefined,
  cells: readonly CellReport[],
  problems: readonly unknown[],
): PageStatus {
  if (problems.length > 0 || cells.some((cell) => cell.status === 'error' || cell.status === 'timeout')) {
    return 'failed';
  }
  if (manifest === undefined || manifest.cells.length === 0) return 'no-cells';
  return cells.every((cell) => cell.status === 'skipped') ? 'skipped' : 'passed';
}

function summarize(pages: readonly PageReport[]): CheckSummary {
  const summary: CheckSummary = {
    pages: {passed: 0, failed: 0, skipped: 0, 'no-cells': 0},
    cells: {executed: 0, cached: 0, replayed: 0, skipped: 0, failed: 0},
  };
  for (const page of pages) {
    summary.pages[page.status] += 1;
    for (const key of ['executed', 'cached', 'replayed', 'skipped'] as const) summary.cells[key] += page.stats[key];
    summary.cells.failed += page.cells.filter((cell) => cell.status === 'error' || cell.status === 'timeout').length;
  }
  return summary;
}
