import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {ClientMessage} from '../protocol.js';
import type {WorkerEndpoint, WorkerEndpointEventMap} from '../client/WorkerEndpoint.js';

/** dist/node-worker.js, found the same way from src/node (tests) and lib/node (published). */
export const NODE_WORKER_URL = new URL('../../dist/node-worker.js', import.meta.url);

export interface NodeWorkerEndpointOptions {
  /** Worker script; default: this package's dist/node-worker.js. */
  workerUrl?: string | URL;
}

type Listeners = {[K in keyof WorkerEndpointEventMap]: Set<(event: WorkerEndpointEventMap[K]) => void>};

/**
 * A `WorkerEndpoint` backed by a Node `worker_threads` Worker running the
 * pyodocs engine (messages are structured-cloned, as with a Web Worker).
 */
export function createNodeWorkerEndpoint(options: NodeWorkerEndpointOptions = {}): WorkerEndpoint {
  const packageCacheDir = createPackageCacheDir();
  const worker = new Worker(options.workerUrl ?? NODE_WORKER_URL, {workerData: {packageCacheDir}});
  worker.on('exit', () => removePackageCacheDir(packageCacheDir));
  const listeners: Listeners = {message: new Set(), error: new Set()};
  let terminated = false;
  const dispatchError = (message: string): void => {
    for (const listener of listeners.error) listener({message});
  };
  worker.on('message', (data: unknown) => {
    for (const listener of listeners.message) listener({data});
  });
  worker.on('error', (error: Error) => dispatchError(error.message));
  worker.on('messageerror', (error: Error) => dispatchError(`a message could not be deserialized: ${error.message}`));
  // A Web Worker cannot exit by itself; a thread can (process.exit in Python's C code, OOM).
  worker.on('exit', (code: number) => {
    if (!terminated) dispatchError(`the worker thread exited with code ${code}`);
  });
  return {
    postMessage(message: ClientMessage): void {
      worker.postMessage(message);
    },
    addEventListener(type, listener) {
      listeners[type].add(listener);
    },
    terminate(): void {
      terminated = true;
      void worker.terminate();
      removePackageCacheDir(packageCacheDir);
    },
  };
}

// Node's Pyodide writes every package it downloads into a folder (see
// nodePackageLock.ts): one per thread, removed when the thread ends, and at
// the latest when this process exits.
const liveCacheDirs = new Set<string>();
let removeAtExit = false;

function createPackageCacheDir(): string {
  if (!removeAtExit) {
    removeAtExit = true;
    process.once('exit', () => liveCacheDirs.forEach(removePackageCacheDir));
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-packages-'));
  liveCacheDirs.add(dir);
  return dir;
}

function removePackageCacheDir(dir: string): void {
  liveCacheDirs.delete(dir);
  rmSync(dir, {recursive: true, force: true});
}
