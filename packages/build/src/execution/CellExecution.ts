import type {PageManifestCell} from '@pyodocs/remark';
import type {MimeBundle, PythonError} from '@pyodocs/runtime';

/**
 * One output of a cell run at build, in the shape of React's `CellOutput`
 * (contract C9's `BuildOutput` before images become files): MIME bundles as
 * the runtime sends them (PNG/JPEG as base64), consecutive chunks of one
 * stream merged.
 */
export type ExecutedOutput =
  | {kind: 'stream'; name: 'stdout' | 'stderr'; text: string}
  | {kind: 'display'; data: MimeBundle; metadata: Record<string, unknown>}
  | {kind: 'result'; data: MimeBundle; metadata: Record<string, unknown>}
  | {kind: 'error'; error: PythonError};

/**
 * - `ok`: ran to its end, or raised as its `raises-exception` tag expects;
 * - `error`: raised (`error` says what), a doctest example did not match,
 *   its packages could not be loaded, or Pyodide crashed under it;
 * - `timeout`: ran past its time limit and was stopped;
 * - `skipped`: not run (`reason` says why).
 */
export type CellExecutionStatus = 'ok' | 'error' | 'skipped' | 'timeout';

/** What became of one cell or doctest block. */
export interface CellExecution {
  status: CellExecutionStatus;
  outputs: ExecutedOutput[];
  /**
   * Why the cell is not `ok` (also set for an expected exception): the
   * Python exception; for a doctest whose examples did not all match,
   * `DoctestFailure` listing them; for a timeout, `TimeoutError`.
   */
  error?: PythonError;
  /** `skipped` only: `execute: off`, the `skip-execution` tag, or the earlier cell of its session that failed. */
  reason?: string;
  /** Time this call spent running it (0 when its outputs came from the cache). */
  durationMs: number;
  /** The outputs come from the execution cache (the cell may still have run again to rebuild its session's state). */
  fromCache: boolean;
}

/** What `executePage` did to a page. */
export interface PageExecution {
  /** By cell id, in the page's order. */
  cells: Map<string, CellExecution>;
  /**
   * `executed`: ran for their outputs; `cached`: outputs from the cache;
   * `replayed`: of the cached ones, those that ran only to rebuild their
   * session's state for a later cell; `skipped`: not run.
   * `executed + cached + skipped` is the number of cells.
   */
  stats: {executed: number; cached: number; replayed: number; skipped: number};
}

/**
 * A manifest cell with the execution settings of contract C9 (`execute`:
 * fence meta `execute=`, MyST option, front matter `pyodide.execute`),
 * which `@pyodocs/remark` sets when the page has them.
 */
export type ExecutableCell = PageManifestCell & {execute?: 'off' | 'cache' | 'force'};
