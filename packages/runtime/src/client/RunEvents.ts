import type {PyodocsError} from '../errors.js';
import type {MimeBundle, PythonError, RunKind} from '../protocol.js';

/** What to run. */
export interface RunRequest {
  /** Python source. */
  code: string;
  /** Namespace to run in: runs of one session share variables. */
  session: string;
  /** Shown in tracebacks as `<cell CELL_ID>`; defaults to the run id. */
  cellId?: string;
  /**
   * `doctest`: `code` is a doctest block exactly as documented; it runs with
   * CPython's doctest in the session and displays one `DOCTEST_MIME` output
   * (a `DoctestReport`). Default `cell`.
   */
  kind?: RunKind;
  /**
   * Packages to load before the cell runs, besides those detected from its
   * imports: names in the lock file (`packages.lockFileUrl`), names micropip
   * may fetch from `packages.indexUrls`, or wheel URLs such as
   * `/wheels/mypkg-1.0-py3-none-any.whl`.
   */
  packages?: string[];
  /**
   * Time limit in seconds from the moment the run starts; past it the run is
   * stopped like `stop()` does (interrupt, else restart) and ends
   * `{status: 'cancelled', reason: 'timeout', seconds}`. Unset or 0: no limit.
   */
  timeoutSeconds?: number;
}

/**
 * Everything a run produces, in order: `queued` (synchronously, inside
 * `run()`), `started`, then output as it happens.
 */
export type RunEvent =
  | {type: 'queued'}
  | {type: 'started'}
  /**
   * A package file the run needs is downloading: bytes received so far and
   * the size (null when the server does not say). Before the cell runs for
   * the packages it imports or declares; while it runs for what it installs
   * itself (`await micropip.install(...)`).
   */
  | {type: 'progress'; package: string; loaded: number; total: number | null}
  | {type: 'stream'; name: 'stdout' | 'stderr'; text: string}
  | {type: 'display'; data: MimeBundle; metadata: Record<string, unknown>}
  /** The value of the final expression; not sent for None or a trailing `;`. */
  | {type: 'result'; data: MimeBundle; metadata: Record<string, unknown>}
  | {type: 'error'; error: PythonError}
  /**
   * The cell called `input(prompt)` and waits until `reply(text)` is called
   * (with shared memory, or where the worker can pause Python with JSPI;
   * otherwise `input()` raises InputUnavailableError in Python). Stopping the
   * run cancels the request.
   */
  | {type: 'input'; prompt: string; reply: (text: string) => void};

/** How a run ended. Every run gets exactly one. */
export type RunOutcome =
  | {status: 'ok'}
  /** The cell raised; the error event carried the same error. */
  | {status: 'error'; error: PythonError}
  /** `stopped`: cancelled before it started. `restarted`: the worker was terminated under it. */
  | {status: 'cancelled'; reason: 'stopped' | 'restarted'}
  /**
   * The run's `timeoutSeconds` passed. `restarted`: the interrupt did not
   * land, so the worker was terminated (every session lost).
   */
  | {status: 'cancelled'; reason: 'timeout'; seconds: number; restarted: boolean}
  /**
   * The worker crashed, Pyodide failed to load, or the protocol versions
   * differ. `error` tells which (`WorkerCrashedError`, `PyodideLoadError`,
   * `ProtocolMismatchError`); optional so hand-made outcomes still fit.
   */
  | {status: 'failed'; message: string; error?: PyodocsError};

export interface RunHandle {
  /** Pass to `stop()`; unique per client. */
  id: string;
  /** Resolves (never rejects) with the outcome. */
  done: Promise<RunOutcome>;
}
