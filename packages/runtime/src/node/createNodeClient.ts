import {createRequire} from 'node:module';
import path from 'node:path';
import {PyodideClient} from '../client/PyodideClient.js';
import {createNodeWorkerEndpoint, NODE_WORKER_URL} from './createNodeWorkerEndpoint.js';

export interface NodeClientOptions {
  /** Directory of the Pyodide distribution; default: the installed npm `pyodide` package. */
  indexURL?: string;
  /** Worker script; default: this package's dist/node-worker.js. */
  workerUrl?: string | URL;
  /** Folder (path, file: or http(s) URL, ending in '/') with a pyodide-lock.json and its wheels, e.g. from `pyodocs mirror`. */
  packageBaseUrl?: string;
  /** Indexes micropip may query for packages not in the lock file; default none. */
  packageIndexUrls?: string[];
  /** Shared memory for interrupts and input() (worker threads always can); default false: stop() restarts. */
  sharedMemory?: boolean;
  /** See PyodideClientOptions.interruptGraceMs. */
  interruptGraceMs?: number;
}

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
    workerUrl,
    indexURL: options.indexURL ?? nodePyodideIndexURL(),
    ...(options.packageBaseUrl === undefined ? {} : {packageBaseUrl: options.packageBaseUrl}),
    ...(options.packageIndexUrls === undefined ? {} : {packageIndexUrls: options.packageIndexUrls}),
    sharedMemory: options.sharedMemory ?? false,
    ...(options.interruptGraceMs === undefined ? {} : {interruptGraceMs: options.interruptGraceMs}),
    createWorker: () => createNodeWorkerEndpoint({workerUrl}),
  });
}
