// Entry of dist/node-worker.js: the same engine as the browser worker, in a
// worker_threads Worker, with the npm package's loadPyodide. A thread (not
// the caller's event loop) so that stop() can terminate a cell stuck in
// `while True: pass`.
import {fileURLToPath} from 'node:url';
import {parentPort} from 'node:worker_threads';
import {loadPyodide} from 'pyodide';
import {PyodideEngine} from '../worker/PyodideEngine.js';
import type {LoadPyodide} from '../worker/PyodideRuntime.js';

const port = parentPort;
if (port === null) throw new Error('dist/node-worker.js must run in a worker_threads Worker.');

// In Node, Pyodide reads its files with fs and takes indexURL as a path; accept
// file: URLs too. (Typed as LoadPyodide: tsc checks the npm API still fits.)
const npmLoadPyodide: LoadPyodide = (config) =>
  loadPyodide({
    ...config,
    indexURL: config.indexURL.startsWith('file:') ? fileURLToPath(config.indexURL).replace(/[\\/]*$/, '/') : config.indexURL,
  });

let failed = false;
const engine = new PyodideEngine({
  post: (message) => {
    if (message.type === 'fatal') failed = true;
    port.postMessage(message);
  },
  importLoadPyodide: async () => npmLoadPyodide,
});
port.on('message', (data: unknown) => engine.receive(data));

// Node ends a thread on an unhandled rejection; a browser worker only logs it.
// A failed loadPyodide leaves one behind (its parallel python_stdlib.zip
// read), which would otherwise race the `fatal` message with an exit.
process.on('unhandledRejection', (reason: unknown) => {
  if (!failed) console.warn('[pyodocs worker] unhandled rejection:', reason);
});
