// Entry of dist/worker.js, the module worker a PyodideClient starts in the
// browser. Bundled with everything it imports except Pyodide itself, which
// comes from the site at run time (indexURL).
import type {WorkerMessage} from '../protocol.js';
import {PyodideEngine} from './PyodideEngine.js';
import type {LoadPyodide} from './PyodideRuntime.js';

interface ModuleWorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (event: {data: unknown}) => void): void;
}

// globalThis is the DedicatedWorkerGlobalScope here; typed by hand because
// this file is also type-checked without the WebWorker lib.
const scope = globalThis as unknown as ModuleWorkerScope;

const engine = new PyodideEngine({
  post: (message) => scope.postMessage(message),
  importLoadPyodide: async (indexURL) => {
    // A runtime import the bundlers must leave alone (webpack, vite, esbuild).
    const pyodideModule: {loadPyodide?: LoadPyodide} = await import(/* webpackIgnore: true */ /* @vite-ignore */ `${indexURL}pyodide.mjs`);
    if (typeof pyodideModule.loadPyodide !== 'function') throw new Error(`${indexURL}pyodide.mjs does not export loadPyodide`);
    return pyodideModule.loadPyodide;
  },
});

scope.addEventListener('message', (event) => engine.receive(event.data));
