import path from 'node:path';
import {
  type CellExecution,
  type CellFailure,
  describeCellFailure,
  distributionLock,
  type ExecutableCell,
  type ExecutedOutput,
  PageExecutor,
} from '@pyodocs/build';
import type {PageManifest} from '@pyodocs/remark';
import type {ExecuteOptions, PackagesOptions} from '../options.js';
import {type BuildOutput, type OutputFiles, toBuildOutputs} from './buildOutputs.js';

/** What running a page at build gave: each cell's outputs, the files they use, and the cells that failed. */
export interface PageBuildOutputs {
  outputs: Map<string, BuildOutput[]>;
  fileNames: string[];
  failures: Array<{cell: ExecutableCell; failure: CellFailure}>;
}

/** Totals of one compilation, for the line the build prints. */
export interface ExecutionTotals {
  pages: number;
  executed: number;
  cached: number;
  replayed: number;
  skipped: number;
  /** Pages with cells to run that webpack took from its persistent cache: their outputs were compiled in an earlier build. */
  fromWebpackCache: number;
}

/**
 * Execution at build for one site: the `execute` option resolved per cell
 * (a cell's `execute=` or its page's `pyodide.execute` wins over the site's
 * mode), a @pyodocs/build PageExecutor started on first need (a build whose
 * cells all come from the cache starts no Pyodide), the sanitizer for HTML
 * outputs (DOMPurify under jsdom, with the browser's rules) and the totals
 * the build reports.
 */
export class BuildExecution {
  readonly #options: ExecuteOptions;
  readonly #packages: PackagesOptions;
  readonly #siteDir: string;
  readonly files: OutputFiles;
  #executor: Promise<PageExecutor> | undefined;
  #sanitize: Promise<(html: string) => string> | undefined;
  // Per page file, the first run's figures: `docusaurus build` compiles each
  // page twice (client and server compilers, possibly at once); the second
  // run takes the first one's cells from the cache and must not count again.
  readonly #pageStats = new Map<string, Omit<ExecutionTotals, 'pages' | 'fromWebpackCache'>>();
  /** Source files whose last compilation had a cell in `force` mode (see ForcedPagesPlugin). */
  readonly forcedPages = new Set<string>();

  constructor(options: {execute: ExecuteOptions; packages: PackagesOptions; siteDir: string; baseUrl: string}) {
    this.#options = options.execute;
    this.#packages = options.packages;
    this.#siteDir = options.siteDir;
    this.files = {
      dir: path.resolve(options.siteDir, options.execute.cacheDir, 'outputs'),
      publicPath: `${options.baseUrl}${OUTPUTS_PUBLIC_DIR}`,
    };
  }

  /** The page's cells with the mode each runs in; undefined when none runs at build. */
  cellsToRun(page: PageManifest): ExecutableCell[] | undefined {
    const cells = page.cells.map((cell) => {
      const own = (cell as ExecutableCell).execute;
      return {...cell, execute: own ?? this.#options.mode};
    });
    return cells.some((cell) => cell.execute !== 'off') ? cells : undefined;
  }

  /** Remembers whether the page (its source file) has a cell in `force` mode; `cells`: what cellsToRun gave. */
  notePage(pageFile: string, cells: readonly ExecutableCell[] | undefined): void {
    if (cells?.some((cell) => cell.execute === 'force')) this.forcedPages.add(pageFile);
    else this.forcedPages.delete(pageFile);
  }

  /** Runs the page's cells; `pageFile` (the page's path) keys the totals. */
  async runPage(
    page: PageManifest,
    cells: ExecutableCell[],
    source: string,
    pageFile: string,
  ): Promise<PageBuildOutputs> {
    const executor = await this.#executorOnce();
    const execution = await executor.executePage({...page, cells});
    if (!this.#pageStats.has(pageFile)) {
      const {executed, cached, replayed, skipped} = execution.stats;
      this.#pageStats.set(pageFile, {executed, cached, replayed, skipped});
    }
    // jsdom and DOMPurify load (a second or so) only for a build with HTML outputs.
    const results = cells.map((cell) => execution.cells.get(cell.id));
    const sanitize = results.some((result) => result !== undefined && hasHtml(result.outputs))
      ? await this.#sanitizerOnce()
      : refuseHtml;
    const outputs = new Map<string, BuildOutput[]>();
    const fileNames: string[] = [];
    const failures: PageBuildOutputs['failures'] = [];
    for (const cell of cells) {
      const result: CellExecution | undefined = execution.cells.get(cell.id);
      if (result === undefined || result.status === 'skipped') continue;
      const converted = toBuildOutputs(result.outputs, this.files, sanitize);
      outputs.set(cell.id, converted.outputs);
      fileNames.push(...converted.fileNames);
      const failure = describeCellFailure(cell, result, source);
      if (failure !== undefined) failures.push({cell, failure});
    }
    return {outputs, fileNames, failures};
  }

  /**
   * What ran since the last call, for the line the build prints; starts
   * counting afresh. `sitePages`: the compilation's pages by source file
   * (the site manifest), to count those with cells to run that were not
   * compiled this time (webpack took them from its persistent cache).
   */
  takeTotals(sitePages: ReadonlyMap<string, PageManifest> = new Map()): ExecutionTotals {
    const totals: ExecutionTotals = {pages: 0, executed: 0, cached: 0, replayed: 0, skipped: 0, fromWebpackCache: 0};
    for (const [file, page] of sitePages) {
      if (!this.#pageStats.has(file) && page.cells.length > 0 && this.cellsToRun(page) !== undefined) {
        totals.fromWebpackCache += 1;
      }
    }
    for (const stats of this.#pageStats.values()) {
      totals.pages += 1;
      totals.executed += stats.executed;
      totals.cached += stats.cached;
      totals.replayed += stats.replayed;
      totals.skipped += stats.skipped;
    }
    this.#pageStats.clear();
    return totals;
  }

  get onError(): ExecuteOptions['onError'] {
    return this.#options.onError;
  }

  /** Ends the Pyodide worker (the build is over). */
  async close(): Promise<void> {
    const executor = this.#executor;
    this.#executor = undefined;
    if (executor) await (await executor).close();
  }

  #executorOnce(): Promise<PageExecutor> {
    this.#executor ??= (async () => {
      const packagesCacheDir = path.resolve(this.#siteDir, this.#packages.cacheDir);
      const lock = await distributionLock(this.#packages.distributionUrl, {cacheDir: packagesCacheDir});
      return new PageExecutor({
        cacheDir: path.resolve(this.#siteDir, this.#options.cacheDir, 'cells'),
        packages: {
          cacheDir: packagesCacheDir,
          distributionUrl: this.#packages.distributionUrl,
          pypiUrl: this.#packages.pypiUrl,
          lock,
        },
        timeoutSeconds: this.#options.timeoutSeconds,
        log: (line) => console.info(`[pyodocs] ${line}`),
      });
    })();
    return this.#executor;
  }

  #sanitizerOnce(): Promise<(html: string) => string> {
    this.#sanitize ??= (async () => {
      const [{JSDOM}, {createHtmlSanitizer}] = await Promise.all([
        import('jsdom'),
        import('@pyodocs/react/sanitizeHtml'),
      ]);
      return createHtmlSanitizer(new JSDOM('').window as unknown as Parameters<typeof createHtmlSanitizer>[0]);
    })();
    return this.#sanitize;
  }
}

function hasHtml(outputs: readonly ExecutedOutput[]): boolean {
  return outputs.some(
    (output) => (output.kind === 'display' || output.kind === 'result') && 'text/html' in output.data,
  );
}

function refuseHtml(): never {
  throw new Error('pyodocs: an HTML output reached the build outputs without the sanitizer');
}

/** Where the build serves output files (figures), relative to baseUrl. */
export const OUTPUTS_PUBLIC_DIR = 'pyodocs/outputs/';
