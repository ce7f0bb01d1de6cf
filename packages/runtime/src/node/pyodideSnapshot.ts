import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {gzip} from 'node:zlib';
import {loadPyodide, version as pyodideVersion} from 'pyodide';
import type {KernelPauseHooks} from '../pause/PauseChannel.js';
import {KERNEL_SOURCE_SHA256} from '../python/kernelSource.js';
import {serializeKernelHooks} from '../snapshot/kernelHookTags.js';
import {heapCapabilities, type PyodideHeapModule, RUN_SYNC_PROBE} from '../snapshot/runtimeCapabilities.js';
import {
  decodeSnapshotHeader,
  encodeSnapshotFile,
  SNAPSHOT_FORMAT,
  type SnapshotHeader,
} from '../snapshot/snapshotFile.js';
import {importKernelModule, type KernelHooks} from '../worker/kernelModule.js';
import type {PyodideRuntime} from '../worker/PyodideRuntime.js';
import {nodePyodideIndexURL} from './createNodeClient.js';

// A pyodocs memory snapshot, made at build time: Pyodide booted in this
// process (the npm package, the same files a site serves), the pyodocs kernel
// set up exactly as a worker sets it up, then the wasm heap written out. A
// worker given its URL (`snapshotUrl`) restores it instead of booting: on the
// machine this was measured on, ~0.5 s instead of ~2.5 s (issue 13).

export interface PyodideSnapshotOptions {
  /** The Pyodide core to snapshot (a directory with pyodide.asm.wasm); default: the npm `pyodide` package, which sites serve. */
  indexURL?: string;
}

export interface PyodideSnapshot {
  /** The file to serve (`PyodideClientConfig.snapshotUrl`): header + gzip-compressed heap. */
  bytes: Uint8Array;
  /** What it was made with; a worker restores it only where all of it matches. */
  header: SnapshotHeader;
  /** sha256 (hex) of `bytes`, e.g. for a content-addressed file name. */
  sha256: string;
}

/** What `pyodideSnapshotKey()` hashes: a cached snapshot with the same key is the same snapshot. */
export async function pyodideSnapshotKey(options: PyodideSnapshotOptions = {}): Promise<string> {
  const wasmSha256 = await fileSha256(path.join(indexDirectory(options), 'pyodide.asm.wasm'));
  return sha256Hex(JSON.stringify([SNAPSHOT_FORMAT, pyodideVersion, wasmSha256, KERNEL_SOURCE_SHA256]));
}

/** Boot Pyodide, set up the kernel and take the snapshot (a few seconds: one Pyodide start-up). */
export async function makePyodideSnapshot(options: PyodideSnapshotOptions = {}): Promise<PyodideSnapshot> {
  const indexURL = `${indexDirectory(options)}/`;
  const wasmSha256 = await fileSha256(path.join(indexURL, 'pyodide.asm.wasm'));
  const pyodide = await loadPyodide({indexURL, _makeSnapshot: true});
  // The same set-up as PyodideEngine's, with hooks that stand for the restoring worker's.
  const hooks = placeholderHooks();
  importKernelModule(pyodide as unknown as PyodideRuntime).create_kernel(hooks, 1);
  // Read before the snapshot: the probe's function is deleted again.
  const runSync = pyodide.runPython(RUN_SYNC_PROBE) === true;
  pyodide.runPython('del _pyodocs_run_sync_bound; import gc; gc.collect()');
  const capabilities = heapCapabilities((pyodide as unknown as {_module: PyodideHeapModule})._module, runSync);
  const heap = pyodide.makeMemorySnapshot({serializer: serializeKernelHooks(hooks)});
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    pyodideVersion,
    wasmSha256,
    kernelSha256: KERNEL_SOURCE_SHA256,
    bytes: heap.length,
    ...capabilities,
  };
  const bytes = encodeSnapshotFile(header, await promisify(gzip)(heap));
  return {bytes, header, sha256: sha256Hex(bytes)};
}

/** `makePyodideSnapshot()` written to `file` (atomically: a temporary file, then renamed). */
export async function writePyodideSnapshot(
  file: string,
  options: PyodideSnapshotOptions = {},
): Promise<Omit<PyodideSnapshot, 'bytes'> & {file: string; size: number}> {
  // First, so a folder that cannot be made fails before a Pyodide start-up.
  await mkdir(path.dirname(file), {recursive: true});
  const {bytes, header, sha256} = await makePyodideSnapshot(options);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
  return {file, size: bytes.length, header, sha256};
}

/**
 * The Node flags that turn JSPI on, newest first (Node 22+: the standard
 * API; Node 20: the older one, which Pyodide also uses), then none (a Node
 * where it is on without a flag). Unknown flags make Node exit at once, so
 * each is tried in turn.
 */
const JSPI_FLAG_CHOICES = [['--experimental-wasm-jspi'], ['--experimental-wasm-stack-switching'], []];

/**
 * `writePyodideSnapshot()` in a child process started with JSPI on, so the
 * snapshot serves browsers that pause Python with it (Chrome, Edge). Its
 * Pyodide and heap end with the process. Without any JSPI flag this Node
 * accepts, the snapshot is still made; workers with JSPI then boot without it.
 */
export async function writeSnapshotInChildProcess(
  file: string,
  options: PyodideSnapshotOptions = {},
): Promise<SnapshotHeader> {
  // The compiled script in lib/, from lib/node/ and from src/node/ (the tests) alike.
  const script = fileURLToPath(new URL('../../lib/node/snapshotProcess.js', import.meta.url));
  let failure = '';
  for (const flags of JSPI_FLAG_CHOICES) {
    const {code, stderr} = await runNode([...flags, script, file, JSON.stringify(options)]);
    if (code === 0 && existsSync(file)) return decodeSnapshotHeader(await readFile(file), file);
    failure = stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${code}`;
    // A flag this Node does not know ends it before any of the script ran: try the next.
    if (!/bad option|unrecognized flag/i.test(stderr)) break;
  }
  throw new Error(`the snapshot process failed: ${failure}`);
}

function runNode(args: string[]): Promise<{code: number | null; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {stdio: ['ignore', 'ignore', 'pipe']});
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({code, stderr}));
  });
}

function indexDirectory(options: PyodideSnapshotOptions): string {
  const indexURL = options.indexURL ?? nodePyodideIndexURL();
  const directory = indexURL.startsWith('file:') ? fileURLToPath(indexURL) : indexURL;
  return path.resolve(directory);
}

async function fileSha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Kernel hooks that do nothing: the kernel only keeps references to them while it is set up. */
function placeholderHooks(): KernelHooks {
  const pause: KernelPauseHooks = {
    returns_promises: false,
    sleep: () => false,
    input: () => undefined,
    unavailable_reason: () => '',
  };
  return {
    stream: () => undefined,
    output: () => undefined,
    error: () => undefined,
    install_packages: async () => '{}',
    pause,
  };
}
