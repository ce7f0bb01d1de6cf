import type {PageManifest} from '@pyodocs/remark';
import type {PyodideLock} from '@pyodocs/runtime';
import {bundlePackages, type PackageBundle, type PackageRequest} from '../packages/bundlePackages.js';
import type {CellExecution, ExecutableCell, PageExecution} from './CellExecution.js';
import {ExecutionCache} from './ExecutionCache.js';
import {ExecutionClient} from './ExecutionClient.js';
import {executionCacheKey, runSource, sessionPackageSet} from './executionCacheKey.js';
import {type CellRun, runCell} from './runCell.js';

export interface PageExecutorOptions {
  /** The execution cache (a directory of JSON files; the Docusaurus plugin and `pyodocs check` use node_modules/.cache/pyodocs/execution). */
  cacheDir: string;
  /** Where cells' packages come from: `bundlePackages`' options (its cache is shared with the site's package bundle). */
  packages: {cacheDir: string; distributionUrl?: string | null; pypiUrl?: string | null; lock?: PyodideLock};
  /**
   * What all the pages to execute need together (e.g. the site manifest's
   * package request): Pyodide then starts with every one of those packages,
   * and no page has to restart it for a package earlier pages did not need.
   */
  sitePackages?: PackageRequest;
  /** Time limit of a cell without `timeout=`, in seconds. Default 30. */
  timeoutSeconds?: number;
  /** Progress: when Pyodide starts or restarts (pages' results are in what `executePage` returns). */
  log?: (line: string) => void;
}

export interface ExecutePageOptions {
  /** Run every cell, ignoring the cache (results are still stored). */
  force?: boolean;
}

/** Cells of a session that define its state, and how many of them the worker holds. */
interface SessionState {
  /** Earlier cells that ran as expected (from the cache or not), in order: what a later cell builds on. */
  history: ExecutableCell[];
  /** How many of `history` have run in the worker since `generation`. */
  materialized: number;
  /** The worker generation `materialized` is about. */
  generation: string;
  /** The cell that failed: later cells of the session are skipped. */
  failedCell?: string;
}

const DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * Runs pages' cells and doctest blocks at build in real Pyodide (Node), as a
 * reader would run them top to bottom, with the packages the browser would
 * load; results are cached per cell (`executionCacheKey`), so a page whose
 * cells are all cached starts no Pyodide.
 *
 * Per page: each session starts empty (sessions are reset before and after
 * the page). In document order, a cell found in the cache takes its outputs
 * from there; a cell that must run first replays the earlier cells of its
 * session that the worker does not hold yet (their outputs stay the cached
 * ones) and then runs. A cell that fails (an exception it does not expect
 * with the `raises-exception` tag, a timeout, packages that cannot load)
 * ends its session: its later cells are skipped. Cells with `execute: off`
 * or the `skip-execution` tag are skipped; `execute: force` ignores the
 * cache for that cell.
 *
 * One page at a time: calls to `executePage` wait for the previous one.
 */
export class PageExecutor {
  readonly #options: PageExecutorOptions;
  readonly #cache: ExecutionCache;
  readonly #client: ExecutionClient;
  readonly #log: (line: string) => void;
  readonly #bundles = new Map<string, Promise<PackageBundle>>();
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: PageExecutorOptions) {
    this.#options = options;
    this.#log = options.log ?? (() => undefined);
    this.#cache = new ExecutionCache(options.cacheDir);
    this.#cache.removeAbandonedWrites();
    this.#client = new ExecutionClient({log: this.#log});
  }

  /** How many times this executor started a Pyodide (0 while everything came from the cache). */
  get pyodideStarts(): number {
    return this.#client.starts;
  }

  /** Runs the page's cells and doctests in order, per session (fresh namespaces per page), reusing cached results. */
  executePage(page: PageManifest, options: ExecutePageOptions = {}): Promise<PageExecution> {
    if (this.#closed) return Promise.reject(new Error('PageExecutor.executePage() after close()'));
    const run = this.#queue.then(() => this.#executePage(page, options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the Pyodide worker, after the page running now. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue;
    this.#client.close();
  }

  async #executePage(page: PageManifest, options: ExecutePageOptions): Promise<PageExecution> {
    const cells = new Map<string, CellExecution>();
    const stats = {executed: 0, cached: 0, replayed: 0, skipped: 0};
    const sessions = new Map<string, SessionState>();
    const touched = new Set<string>();
    let bundle: PackageBundle | undefined;

    const skip = (cell: ExecutableCell, reason: string) => {
      cells.set(cell.id, {status: 'skipped', outputs: [], reason, durationMs: 0, fromCache: false});
      stats.skipped += 1;
    };
    const timeoutOf = (cell: ExecutableCell) => cell.timeout ?? this.#options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;

    for (const cell of page.cells as ExecutableCell[]) {
      const reason = skipReason(cell);
      if (reason !== undefined) {
        skip(cell, reason);
        continue;
      }
      let session = sessions.get(cell.session);
      if (session === undefined) {
        session = {history: [], materialized: 0, generation: ''};
        sessions.set(cell.session, session);
      }
      if (session.failedCell !== undefined) {
        skip(cell, `an earlier cell of its session (${session.failedCell}) failed`);
        continue;
      }
      bundle ??= await this.#bundle(page);
      const key = executionCacheKey(
        runSource(cell),
        session.history.map(runSource),
        sessionPackageSet(bundle.lock, [...session.history, cell]),
      );
      const cached = options.force || cell.execute === 'force' ? undefined : this.#cache.read(key);
      if (cached !== undefined) {
        // An exception was cached because the cell expected it: without the tag now, it is a failure again.
        const unexpected = cached.error !== undefined && !cell.tags.includes('raises-exception');
        cells.set(cell.id, {
          status: unexpected ? 'error' : 'ok',
          outputs: cached.outputs,
          ...(cached.error ? {error: cached.error} : {}),
          durationMs: 0,
          fromCache: true,
        });
        stats.cached += 1;
        if (unexpected) session.failedCell = cell.id;
        else session.history.push(cell);
        continue;
      }

      // The cell runs: first the worker must hold its session's earlier cells.
      const sitePackages = this.#options.sitePackages;
      const client = await this.#client.client(bundle, sitePackages && (await this.#bundle(sitePackages)));
      if (!touched.has(cell.session)) {
        touched.add(cell.session);
        await client.resetSession(cell.session);
        session.materialized = 0;
        session.generation = this.#client.generation;
      }
      if (session.generation !== this.#client.generation) session.materialized = 0;
      while (session.materialized < session.history.length) {
        const earlier = session.history[session.materialized] as ExecutableCell;
        const replay = await runCell(client, earlier, timeoutOf(earlier));
        if (!replay.sessionIntact) {
          // It no longer does what the cache says: its fresh result replaces the cached one.
          cells.set(earlier.id, toCellExecution(replay));
          stats.cached -= 1;
          stats.executed += 1;
          session.failedCell = earlier.id;
          break;
        }
        stats.replayed += 1;
        session.materialized += 1;
        session.generation = this.#client.generation;
      }
      if (session.failedCell !== undefined) {
        skip(cell, `an earlier cell of its session (${session.failedCell}) failed when run again`);
        continue;
      }

      const run = await runCell(client, cell, timeoutOf(cell));
      cells.set(cell.id, toCellExecution(run));
      stats.executed += 1;
      if (run.cacheable) {
        this.#cache.write(key, {
          kind: runSource(cell).kind,
          outputs: run.outputs,
          ...(run.error ? {error: run.error} : {}),
        });
      }
      if (run.sessionIntact) {
        session.history.push(cell);
        session.materialized = session.history.length;
        session.generation = this.#client.generation;
      } else {
        session.failedCell = cell.id;
      }
    }

    // The next page starts from empty namespaces, also when it reuses a session name.
    const client = this.#client.current;
    if (client !== undefined) for (const name of touched) await client.resetSession(name);
    return {cells, stats};
  }

  /** The packages a page (or the site) needs, fetched into the package cache (once per set of needs). */
  #bundle(needs: PackageRequest): Promise<PackageBundle> {
    const request = {packages: [...new Set(needs.packages)].sort(), imports: [...new Set(needs.imports)].sort()};
    const id = JSON.stringify(request);
    let bundle = this.#bundles.get(id);
    if (bundle === undefined) {
      bundle = bundlePackages(request, {...this.#options.packages});
      this.#bundles.set(id, bundle);
      bundle.catch(() => this.#bundles.delete(id));
    }
    return bundle;
  }
}

function skipReason(cell: ExecutableCell): string | undefined {
  if (cell.execute === 'off') return 'execute: off';
  if (cell.tags.includes('skip-execution')) return 'the skip-execution tag';
  return undefined;
}

function toCellExecution(run: CellRun): CellExecution {
  return {
    status: run.status,
    outputs: run.outputs,
    ...(run.error ? {error: run.error} : {}),
    durationMs: run.durationMs,
    fromCache: false,
  };
}
