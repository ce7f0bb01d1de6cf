import {createRequire} from 'node:module';
import path from 'node:path';
import {PyodideClient} from '../client/PyodideClient.js';
import type {PyodideClientOptions} from '../client/PyodideClientConfig.js';
import {createNodeWorkerEndpoint, NODE_WORKER_URL} from './createNodeWorkerEndpoint.js';

/**
 * `PyodideClientOptions`, every field optional, with Node defaults:
 * `indexURL` the installed npm `pyodide` package, `workerUrl` this
 * package's dist/node-worker.js, `createWorker` a worker_threads endpoint,
 * `sharedMemory` false (worker threads can always share memory; off by
 * default, so `stop()` of a busy cell restarts as in a page without
 * isolation). Paths in `indexURL` and `packages` may be directory paths or
 * `file:` URLs.
 */
export type NodeClientOptions = Partial<PyodideClientOptions>;

/** Directory of the npm `pyodide` package this runtime depends on, ending in '/'. */
export function nodePyodideIndexURL(): string {
  const packageJson = createRequire(import.meta.url).resolve('pyodide/package.json');
  // Forward slash: the engine appends file names to it, and Node accepts it on Windows too.
  return `${path.dirname(packageJson)}/`;
}

/** A PyodideClient whose worker is a Node worker thread running Pyodide from npm. */
export function createNodeClient(options: NodeClientOptions = {}): PyodideClient {
  const workerUrl = options.workerUrl ?? NODE_WORKER_URL;
  return new PyodideClient({
    ...options,
    workerUrl,
    indexURL: options.indexURL ?? nodePyodideIndexURL(),
    sharedMemory: options.sharedMemory ?? false,
    createWorker: options.createWorker ?? (() => createNodeWorkerEndpoint({workerUrl})),
  });
}
