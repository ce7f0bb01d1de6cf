// A worker thread that makes the memory snapshot (memorySnapshot.ts): the
// Pyodide it boots, and its heap, end with the thread instead of staying in
// the build's process. A failure is an uncaught error: the parent's 'error' event.
import {workerData} from 'node:worker_threads';
import {writePyodideSnapshot} from '@pyodocs/runtime/node';

const {file} = workerData as {file: string};
await writePyodideSnapshot(file);
// Pyodide leaves timers and handles behind; in a worker thread this ends the thread only.
process.exit(0);
