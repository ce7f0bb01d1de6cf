// Entry of dist/worker.js, the module worker a PyodideClient starts in the
// browser. Bundled with everything it imports except Pyodide itself, which
// comes from the site at run time (indexURL).
import type {WorkerMessage} from '../protocol.js';
import {PyodideEngine} from './PyodideEngine.js';
import type {LoadPyodide, LoadPyodideConfig, PyodideRuntime} from './PyodideRuntime.js';

/** Pyodide's own loadPyodide options that the browser worker uses. */
type BrowserLoadPyodide = (config: {
  indexURL: string;
  lockFileURL?: string;
  packageBaseUrl?: string;
}) => Promise<PyodideRuntime>;

interface ModuleWorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (event: {data: unknown}) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: {reason: unknown}) => void): void;
}

// globalThis is the DedicatedWorkerGlobalScope here; typed by hand because
// this file is also type-checked without the WebWorker lib.
const scope = globalThis as unknown as ModuleWorkerScope;

const engine = new PyodideEngine({
  post: (message) => scope.postMessage(message),
  importLoadPyodide: async (indexURL) => {
    // A runtime import the bundlers must leave alone (webpack, vite, esbuild).
    const pyodideModule: {loadPyodide?: BrowserLoadPyodide} = await import(
      /* webpackIgnore: true */ /* @vite-ignore */ `${indexURL}pyodide.mjs`
    );
    const loadPyodide = pyodideModule.loadPyodide;
    if (typeof loadPyodide !== 'function') throw new Error(`${indexURL}pyodide.mjs does not export loadPyodide`);
    const load: LoadPyodide = (config: LoadPyodideConfig) => {
      if (config.packageBaseUrl === undefined) return loadPyodide({indexURL: config.indexURL});
      // Absolute, so the lock's relative file names resolve against the mirror, not the worker script.
      const base = new URL(config.packageBaseUrl, (globalThis as {location?: {href: string}}).location?.href).href;
      return loadPyodide({indexURL: config.indexURL, lockFileURL: `${base}pyodide-lock.json`, packageBaseUrl: base});
    };
    return load;
  },
});

scope.addEventListener('message', (event) => engine.receive(event.data));
// A worker that closes itself (Python calling js.close()) would otherwise die
// silently, leaving its run pending forever: say so first, so the client
// fails the run and the next one starts a fresh worker.
const workerScope = globalThis as unknown as {close?: () => void};
const closeWorker = workerScope.close?.bind(globalThis);
if (closeWorker !== undefined) {
  workerScope.close = () => {
    scope.postMessage({
      type: 'fatal',
      reason: 'internal',
      message: 'The Python worker was closed by the code it ran (close()); the next Run starts a fresh one.',
    });
    closeWorker();
  };
}
// A failed pyodide.asm.wasm download aborts Emscripten in a promise nobody awaits.
scope.addEventListener('unhandledrejection', (event) => engine.uncaughtError(event.reason));
