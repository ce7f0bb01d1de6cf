import type {PackageSourceOptions} from '../packages/packageSources.js';
import type {WorkerEndpoint} from './WorkerEndpoint.js';

/**
 * Everything a `PyodideClient` needs that can travel as data (structured
 * cloneable: JSON-like, no functions): the one object a site's configuration
 * carries from its build (e.g. a Docusaurus plugin's global data) to the
 * client. Declared once, here.
 */
export interface PyodideClientConfig {
  /** URL of @pyodocs/runtime's dist/worker.js (a self-contained ES module worker). */
  workerUrl: string;
  /**
   * Base URL of the Pyodide core files (pyodide.mjs, pyodide.asm.wasm,
   * python_stdlib.zip, pyodide-lock.json), ending in '/'.
   */
  indexURL: string;
  /**
   * Where packages come from. Default: the lock at `indexURL`, its files
   * from the official distribution of the pinned version (the core stays
   * self-hosted), no package index.
   */
  packages?: PackageSourceOptions;
  /** Time limit (seconds) of runs that set no `timeoutSeconds` themselves; default 0: none. */
  timeoutSeconds?: number;
  /**
   * Pause Python through shared memory (SharedArrayBuffer + Atomics), so
   * `stop()` interrupts any running cell with KeyboardInterrupt (namespaces
   * kept), `time.sleep` wakes at once, and `input()` works in any browser.
   * Default: when the page is cross-origin isolated (`crossOriginIsolated`).
   * Without it, cells pause with JSPI and messages where the browser has
   * JSPI, and a busy cell is stopped by restarting the worker.
   */
  sharedMemory?: boolean;
  /**
   * How long `stop()` waits for an interrupt to end the running cell before
   * it terminates the worker instead (C code that never checks; without
   * shared memory, any code that is not paused in `time.sleep` or `input()`).
   * Default 1000 ms. A run whose Python has taken the interrupt (shared
   * memory tells) gets `TAKEN_INTERRUPT_GRACE_MS` more.
   */
  interruptGraceMs?: number;
  /** The site's page about packages, which package errors end with (`See <url>`; a path is from the site's origin). Default: none. */
  packagesHelpUrl?: string;
  /**
   * URL of a pyodocs memory snapshot (made at build time by
   * `writePyodideSnapshot` from `@pyodocs/runtime/node`): the worker restores
   * Python from it instead of booting, a fraction of the start-up time. It
   * must match the Pyodide at `indexURL` (version and pyodide.asm.wasm) and
   * this runtime's kernel; one that does not, or cannot be fetched, is
   * skipped with a console warning and Python boots as without it.
   */
  snapshotUrl?: string;
}

/** `PyodideClientConfig` plus what only code can give: the worker factory, a URL object, the handshake timeout. */
export type PyodideClientOptions = Omit<PyodideClientConfig, 'workerUrl'> & {
  /** A string, or a `URL` (e.g. `new URL('…/worker.js', import.meta.url)`). */
  workerUrl: string | URL;
  /** Default: `new Worker(workerUrl, {type: 'module'})`. Node passes a worker_threads endpoint. */
  createWorker?: () => WorkerEndpoint;
  /**
   * How long a new worker may stay silent before it counts as broken (its
   * first answer comes before Pyodide downloads, so this is not a load
   * timeout). Default 30 s.
   */
  handshakeTimeoutMs?: number;
};
