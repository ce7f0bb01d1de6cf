// A child process that makes the memory snapshot (writeSnapshotInChildProcess):
// it starts with the Node flag that turns WebAssembly stack switching (JSPI)
// on, so the heap it writes has the real run_sync (see
// ../snapshot/runtimeCapabilities.ts), and its Pyodide ends with it.
//   argv: <file> <options JSON>
import {writePyodideSnapshot} from './pyodideSnapshot.js';

const [file, options] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: snapshotProcess.js <file> [options JSON]');
await writePyodideSnapshot(file, options === undefined ? {} : JSON.parse(options));
// Pyodide leaves timers and handles behind.
process.exit(0);
