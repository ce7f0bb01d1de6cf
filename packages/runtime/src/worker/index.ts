// Entry of dist/worker.js, the module worker a PyodideClient starts in the
// browser. Bundled with everything it imports except Pyodide itself, which
// comes from the site at run time (indexURL).
import type {PyodideLock} from '../packages/pyodideLock.js';
import type {WorkerMessage} from '../protocol.js';
import {fetchLockFile} from './fetchLockFile.js';
import {type Fetch, installPackageDownloads} from './packageDownloads.js';
import {PyodideEngine} from './PyodideEngine.js';
import type {LoadPyodide, PyodideRuntime} from './PyodideRuntime.js';
import {watchWasmFetches} from './wasmFetches.js';

/** Pyodide's own loadPyodide options that the browser worker uses. */
type BrowserLoadPyodide = (
  config: {
    indexURL: string;
    packageBaseUrl: string;
    _loadSnapshot?: Promise<Uint8Array>;
    _snapshotDeserializer?: (value: unknown) => unknown;
  } & ({lockFileContents: Promise<PyodideLock>} | {lockFileURL: string}),
) => Promise<PyodideRuntime>;

interface ModuleWorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (event: {data: unknown}) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: {reason: unknown}) => void): void;
}

// globalThis is the DedicatedWorkerGlobalScope here; typed by hand because
// this file is also type-checked without the WebWorker lib.
const scope = globalThis as unknown as ModuleWorkerScope;
const here = (globalThis as {location?: {href: string}}).location?.href;

// Start-up step 1: package files (Pyodide's, micropip's) are fetched through the download wrapper.
const downloads = installPackageDownloads(globalThis as unknown as {fetch: Fetch});
// Start-up step 2: Pyodide's fetch of pyodide.asm.wasm is hashed, to check a memory snapshot against it.
const wasmFetches = watchWasmFetches(globalThis as unknown as {fetch: Fetch}, here ?? 'file:///');

const engine = new PyodideEngine({
  post: (message) => scope.postMessage(message),
  downloads,
  wasmSha256: wasmFetches.sha256,
  wasmFetchFailure: wasmFetches.nextFailure,
  importLoadPyodide: async (indexURL) => {
    // A runtime import the bundlers must leave alone (webpack, vite, esbuild).
    const pyodideModule: {loadPyodide?: BrowserLoadPyodide; version?: unknown} = await import(
      /* webpackIgnore: true */ /* @vite-ignore */ `${indexURL}pyodide.mjs`
    );
    const loadPyodide = pyodideModule.loadPyodide;
    if (typeof loadPyodide !== 'function') throw new Error(`${indexURL}pyodide.mjs does not export loadPyodide`);
    const load: LoadPyodide = (config) => {
      const snapshot =
        config.snapshot === undefined
          ? {}
          : {_loadSnapshot: config.snapshot.bytes, _snapshotDeserializer: config.snapshot.deserializer};
      // Outside a browser (a test runs this bundle in a Node thread) Pyodide reads the lock file itself.
      if (here === undefined) {
        return loadPyodide({
          indexURL: config.indexURL,
          lockFileURL: config.lockFileUrl,
          packageBaseUrl: config.baseUrl,
          ...snapshot,
        });
      }
      // Absolute, so relative file names resolve against the base, not the worker script.
      const lockFileContents = fetchLockFile(new URL(config.lockFileUrl, here).href, downloads.fetch);
      // Pyodide awaits it later; a failure must not count as unhandled meanwhile.
      lockFileContents.catch(() => undefined);
      return loadPyodide({
        indexURL: config.indexURL,
        lockFileContents,
        packageBaseUrl: new URL(config.baseUrl, here).href,
        ...snapshot,
      });
    };
    return {load, version: String(pyodideModule.version)};
  },
});

// Start-up step 3: messages from the client drive the engine.
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
