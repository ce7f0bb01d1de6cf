// Public API of @pyodocs/runtime/node: the runtime in Node (tests, the CLI).
export {createNodeClient, nodePyodideIndexURL} from './createNodeClient.js';
export type {NodeClientOptions} from './createNodeClient.js';
export {createNodeWorkerEndpoint, NODE_WORKER_URL} from './createNodeWorkerEndpoint.js';
export type {NodeWorkerEndpointOptions} from './createNodeWorkerEndpoint.js';
export {
  makePyodideSnapshot,
  pyodideSnapshotKey,
  writePyodideSnapshot,
  writeSnapshotInChildProcess,
} from './pyodideSnapshot.js';
export type {PyodideSnapshot, PyodideSnapshotOptions} from './pyodideSnapshot.js';
