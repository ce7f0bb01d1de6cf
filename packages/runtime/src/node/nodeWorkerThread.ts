// Entry of dist/node-worker.js: the same engine as the browser worker, in a
// worker_threads Worker, with the npm package's loadPyodide. A thread (not
// the caller's event loop) so that stop() can terminate a cell stuck in
// `while True: pass`.
import {createHash} from 'node:crypto';
import {mkdtempSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {parentPort, workerData} from 'node:worker_threads';
import {loadPyodide, version as pyodideVersion} from 'pyodide';
import {fetchLockFile} from '../worker/fetchLockFile.js';
import {type Fetch, installPackageDownloads} from '../worker/packageDownloads.js';
import {PyodideEngine} from '../worker/PyodideEngine.js';
import type {LoadPyodide} from '../worker/PyodideRuntime.js';
import {fetchWithFiles, localPath} from './fetchWithFiles.js';
import {NODE_PACKAGE_BASE, type NodePackageLock, nodePackageLock} from './nodePackageLock.js';

const port = parentPort;
if (port === null) throw new Error('dist/node-worker.js must run in a worker_threads Worker.');

// Set once the lock is loaded: where Node's Pyodide's package requests really go.
let packageLock: NodePackageLock | undefined;

// Start-up step 1: package files are fetched through the download wrapper,
// which also reads local files and answers the requests of the rewritten lock.
const scope = globalThis as unknown as {fetch: Fetch};
const downloads = installPackageDownloads(scope, {
  fetch: fetchWithFiles(scope.fetch.bind(globalThis)),
  resolveRequest: (url) => packageLock?.resolve(url),
});

// In Node, Pyodide reads its files with fs and takes indexURL as a path;
// accept file: URLs too. (Typed as LoadPyodide: tsc checks the npm API still fits.)
const npmLoadPyodide: LoadPyodide = async (config) => {
  const indexURL = asDirectory(config.indexURL);
  const lock = await fetchLockFile(asUrl(config.lockFileUrl), downloads.fetch);
  packageLock = nodePackageLock(lock, asDirectory(config.baseUrl));
  // Pyodide writes every package it downloads into this folder: an empty one of our own, never the cwd.
  // The endpoint that started this thread made it (and removes it); else a temporary one.
  const given = (workerData as {packageCacheDir?: unknown} | null)?.packageCacheDir;
  const packageCacheDir = asDirectory(
    typeof given === 'string' ? given : mkdtempSync(path.join(tmpdir(), 'pyodocs-packages-')),
  );
  return loadPyodide({
    indexURL,
    lockFileContents: JSON.stringify(packageLock.lock),
    packageBaseUrl: NODE_PACKAGE_BASE,
    packageCacheDir,
    ...(config.snapshot === undefined
      ? {}
      : {_loadSnapshot: config.snapshot.bytes, _snapshotDeserializer: config.snapshot.deserializer}),
  });
};

/** Node's Pyodide reads pyodide.asm.wasm from the indexURL folder: hash that file. */
async function wasmSha256(indexURL: string): Promise<string> {
  const bytes = await readFile(path.join(asDirectory(indexURL), 'pyodide.asm.wasm'));
  return createHash('sha256').update(bytes).digest('hex');
}

/** A URL as is; a path (absolute or relative to the cwd) as a file: URL. */
function asUrl(location: string): string {
  return /^[a-z][a-z0-9+.-]+:/i.test(location) ? location : pathToFileURL(path.resolve(location)).href;
}

/** A path or URL ending in '/', with file: URLs as paths. */
function asDirectory(location: string): string {
  const local = localPath(location) ?? location;
  return local.endsWith('/') || local.endsWith(path.sep) ? local : `${local}/`;
}

let failed = false;
const engine = new PyodideEngine({
  post: (message) => {
    if (message.type === 'fatal') failed = true;
    port.postMessage(message);
  },
  downloads,
  wasmSha256,
  importLoadPyodide: async () => ({load: npmLoadPyodide, version: pyodideVersion}),
});
// Start-up step 2: messages from the client drive the engine.
port.on('message', (data: unknown) => engine.receive(data));

// Node ends a thread on an unhandled rejection; a browser worker only logs it.
// A failed loadPyodide leaves one behind (its parallel python_stdlib.zip
// read), which would otherwise race the `fatal` message with an exit.
process.on('unhandledRejection', (reason: unknown) => {
  engine.uncaughtError(reason);
  if (!failed) console.warn('[pyodocs worker] unhandled rejection:', reason);
});
