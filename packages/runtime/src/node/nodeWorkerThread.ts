// Entry of dist/node-worker.js: the same engine as the browser worker, in a
// worker_threads Worker, with the npm package's loadPyodide. A thread (not
// the caller's event loop) so that stop() can terminate a cell stuck in
// `while True: pass`.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parentPort} from 'node:worker_threads';
import {loadPyodide} from 'pyodide';
import {PyodideEngine} from '../worker/PyodideEngine.js';
import type {LoadPyodide} from '../worker/PyodideRuntime.js';

const port = parentPort;
if (port === null) throw new Error('dist/node-worker.js must run in a worker_threads Worker.');

// In Node, Pyodide reads its files with fs and takes indexURL as a path; accept
// file: URLs too. (Typed as LoadPyodide: tsc checks the npm API still fits.)
const npmLoadPyodide: LoadPyodide = async (config) => {
  const indexURL = asDirectory(config.indexURL);
  const base = config.packageBaseUrl;
  if (base === undefined) return loadPyodide({indexURL});
  if (/^https?:/.test(base)) {
    // Node reads lockFileURL with fs, so fetch the lock here. It looks for each
    // wheel in packageCacheDir first, then downloads it from packageBaseUrl
    // (into that folder): an empty folder of our own, never the cwd.
    const response = await fetch(`${base}pyodide-lock.json`);
    if (!response.ok) throw new Error(`${base}pyodide-lock.json: HTTP ${response.status}`);
    const packageCacheDir = `${mkdtempSync(path.join(tmpdir(), 'pyodocs-packages-'))}/`;
    return loadPyodide({indexURL, lockFileContents: await response.text(), packageBaseUrl: base, packageCacheDir});
  }
  const dir = asDirectory(base);
  return loadPyodide({indexURL, lockFileURL: `${dir}pyodide-lock.json`, packageBaseUrl: dir, packageCacheDir: dir});
};

/** A directory path ending in '/', from a path or a file: URL. */
function asDirectory(location: string): string {
  return location.startsWith('file:') ? fileURLToPath(location).replace(/[\\/]*$/, '/') : location;
}

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
  engine.uncaughtError(reason);
  if (!failed) console.warn('[pyodocs worker] unhandled rejection:', reason);
});
