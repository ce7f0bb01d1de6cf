/** Where the browser finds the runtime; both URLs are usually served by the site itself. */
export interface PyodideConfig {
  /** URL of `@pyodocs/runtime`'s `dist/worker.js` (a self-contained ES module worker). */
  workerUrl: string;
  /** Base URL of the Pyodide files (`pyodide.mjs`, `pyodide.asm.wasm`, …), ending with `/`. */
  indexURL: string;
  /** Folder (ending with `/`) with a `pyodide-lock.json` and its wheels (`pyodocs mirror`); default: the lock file at `indexURL`. */
  packageBaseUrl?: string | undefined;
  /** Time limit of every run in seconds (a cell's `timeout` overrides it); unset or 0: none. */
  timeoutSeconds?: number | undefined;
}
