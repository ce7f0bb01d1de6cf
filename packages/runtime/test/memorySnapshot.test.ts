import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {DOCTEST_MIME, type PyodideClient} from '../src/index.js';
import {createNodeClient, pyodideSnapshotKey, writeSnapshotInChildProcess} from '../src/node/index.js';
import {
  checkSnapshotHeader,
  decodeSnapshotHeader,
  encodeSnapshotFile,
  type SnapshotHeader,
  SnapshotMismatchError,
} from '../src/snapshot/snapshotFile.js';
import {printed, recordRun, resultText, runToEnd} from './support/recordRun.js';

// A snapshot made in a child process with JSPI on, as a site's build makes
// it, restored by real worker threads; and every way it can be unfit, each
// ending in a normal boot that still runs cells. (Restoring it where JSPI
// pauses Python, in Chromium, is e2e/test/startupAndStop.test.ts.)

let dir: string;
let snapshot: {bytes: Uint8Array; header: SnapshotHeader};
let snapshotFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-snapshot-'));
  snapshotFile = path.join(dir, 'snapshot.bin');
  const header = await writeSnapshotInChildProcess(snapshotFile);
  snapshot = {bytes: readFileSync(snapshotFile), header};
});

afterAll(() => {
  rmSync(dir, {recursive: true, force: true});
});

/** A client whose worker restores `file`; disposed after the test file. */
function clientWith(snapshotUrl: string, options: {sharedMemory?: boolean} = {}): PyodideClient {
  const client = createNodeClient({snapshotUrl, ...options});
  clients.push(client);
  return client;
}
const clients: PyodideClient[] = [];
afterAll(() => {
  for (const client of clients) client.dispose();
});

/** A snapshot file at `name` with the real heap and a header changed by `change`. */
function fileWithHeader(name: string, change: (header: SnapshotHeader) => SnapshotHeader): string {
  const file = path.join(dir, name);
  const prefix = 12 + new DataView(snapshot.bytes.buffer, snapshot.bytes.byteOffset).getUint32(8, true);
  writeFileSync(file, encodeSnapshotFile(change(snapshot.header), snapshot.bytes.subarray(prefix)));
  return file;
}

describe('a snapshot made at build time', () => {
  test('records what it was made with, and is a few MB', async () => {
    expect(snapshot.header).toMatchObject({format: 2, pyodideVersion: '314.0.7'});
    expect(decodeSnapshotHeader(snapshot.bytes, snapshotFile)).toEqual(snapshot.header);
    // Made with JSPI on (this Node's flag for it), so run_sync is the real one in the heap.
    expect(snapshot.header.runSync).toBe(true);
    // Node 20 cannot compile CPython's wasm trampoline: the slot a browser's will take is recorded.
    expect(snapshot.header.trampolineSlot).toBeGreaterThan(1000);
    expect(snapshot.header.wasmSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.bytes.length).toBeLessThan(snapshot.header.bytes / 2);
    expect(await pyodideSnapshotKey()).toMatch(/^[0-9a-f]{64}$/);
  });

  test('is restored instead of booting, and the kernel works as after a boot', async () => {
    const client = clientWith(snapshotFile);
    await client.start();
    expect(client.status).toMatchObject({state: 'ready', boot: 'snapshot', pyodideVersion: '314.0.7'});
    const {events, outcome} = await runToEnd(client, {
      code: 'import sys\nprint("hello")\ndisplay(sys.version_info[:2])\nsum(range(10))',
      session: 's',
      cellId: 'snap-1',
    });
    expect(outcome).toEqual({status: 'ok'});
    expect(events.slice(2)).toEqual([
      {type: 'stream', name: 'stdout', text: 'hello\n'},
      {type: 'display', data: {'text/plain': '(3, 14)'}, metadata: {}},
      {type: 'result', data: {'text/plain': '45'}, metadata: {}},
    ]);
    const failed = await runToEnd(client, {code: 'x = 1\nx / 0', session: 's', cellId: 'snap-2'});
    expect(failed.outcome).toMatchObject({
      status: 'error',
      error: {
        ename: 'ZeroDivisionError',
        traceback: expect.stringContaining('File "<cell snap-2>", line 2, in <module>\n    x / 0'),
      },
    });
    // Modules the kernel imports lazily are read from the file system, which a snapshot does not hold.
    const shim = await runToEnd(client, {code: 'from IPython.display import HTML\nHTML("<b>x</b>")', session: 's'});
    expect(shim.events).toContainEqual(
      expect.objectContaining({type: 'result', data: expect.objectContaining({'text/html': '<b>x</b>'})}),
    );
    const doctest = await runToEnd(client, {code: '>>> 1 + 1\n2\n', kind: 'doctest', session: 's'});
    const report = doctest.events.find((event) => event.type === 'display');
    expect(report?.type === 'display' && report.data[DOCTEST_MIME]).toMatchObject({attempted: 1, failed: 0});
  });

  test('time.sleep works in a restored worker without JSPI (it blocks, as after a boot)', async () => {
    const client = clientWith(snapshotFile);
    const {events, outcome} = await runToEnd(client, {
      code: 'import time\nstarted = time.monotonic()\ntime.sleep(0.2)\nround(time.monotonic() - started, 1)',
      session: 's',
    });
    expect(outcome).toEqual({status: 'ok'});
    expect(resultText(events)).toBe('0.2');
    expect(client.status).toMatchObject({boot: 'snapshot'});
  });

  test('each restored worker draws its own random numbers', async () => {
    const code = 'import random\nrandom.random()';
    const first = clientWith(snapshotFile);
    const second = clientWith(snapshotFile);
    const [a, b] = await Promise.all([runToEnd(first, {code, session: 's'}), runToEnd(second, {code, session: 's'})]);
    expect(resultText(a.events)).not.toBe(resultText(b.events));
  });

  test('Stop interrupts a restored worker through shared memory', async () => {
    const client = clientWith(snapshotFile, {sharedMemory: true});
    const run = recordRun(client, {code: 'print("looping", flush=True)\nwhile True:\n    pass', session: 's'});
    await printed(run, 'looping');
    client.stop(run.id);
    // Seen once in CI (not reproduced since): the run was restarted instead; the events say what it did.
    expect(await run.done, JSON.stringify(run.events).slice(0, 2000)).toMatchObject({
      status: 'error',
      error: {ename: 'KeyboardInterrupt'},
    });
    expect(client.status).toMatchObject({boot: 'snapshot'});
    expect(client.stats.workerStarts).toBe(1);
  });
});

describe('a snapshot that does not fit is skipped, and Python boots as without it', () => {
  const gzipped = () => gzipSync(new Uint8Array(64));
  test.each([
    [
      'made with another kernel',
      () => fileWithHeader('kernel.bin', (h) => ({...h, kernelSha256: '0'.repeat(64)})),
      /another version of the pyodocs kernel/,
    ],
    [
      'made with another Pyodide',
      () => fileWithHeader('version.bin', (h) => ({...h, pyodideVersion: '0.1.0'})),
      /made with Pyodide 0\.1\.0/,
    ],
    [
      'made with another pyodide.asm.wasm',
      () => fileWithHeader('wasm.bin', (h) => ({...h, wasmSha256: 'f'.repeat(64)})),
      /another build of pyodide\.asm\.wasm/,
    ],
    [
      'not a snapshot file',
      () => writeTo('garbage.bin', new TextEncoder().encode('<!doctype html>not found')),
      /not a pyodocs memory snapshot/,
    ],
    ['missing', () => path.join(dir, 'missing.bin'), /404/],
    [
      'a heap Pyodide refuses',
      () => writeTo('heap.bin', encodeSnapshotFile({...snapshot.header, bytes: 64}, gzipped())),
      /magic number/,
    ],
  ])('%s', async (_name, makeFile, reason) => {
    const client = clientWith(makeFile());
    const {events, outcome} = await runToEnd(client, {code: '"still runs"', session: 's'});
    expect(outcome).toEqual({status: 'ok'});
    expect(resultText(events)).toBe("'still runs'");
    expect(client.status).toMatchObject({state: 'ready', boot: 'fresh'});
    expect(client.stats.workerStarts).toBe(1);
    expect(client.status.state === 'ready' && client.status.snapshotError).toMatch(reason);
  });
});

describe('what the heap remembers of the engine it started in', () => {
  test('an engine with JSPI refuses a snapshot made without it (its run_sync could not pause Python)', () => {
    const header = {...snapshot.header, runSync: false};
    const runtime = {pyodideVersion: '314.0.7', kernelSha256: header.kernelSha256};
    expect(() => checkSnapshotHeader(header, {...runtime, jspi: true})).toThrow(SnapshotMismatchError);
    expect(() => checkSnapshotHeader(header, {...runtime, jspi: true})).toThrow(
      /without WebAssembly stack switching \(JSPI\)/,
    );
    expect(() => checkSnapshotHeader(header, {...runtime, jspi: false})).not.toThrow();
    expect(() => checkSnapshotHeader(snapshot.header, {...runtime, jspi: true})).not.toThrow();
  });

  test('a header without those fields is not of this format', () => {
    const {runSync: _runSync, ...older} = snapshot.header;
    const file = writeTo('older.bin', encodeSnapshotFile(older as SnapshotHeader, gzipSync(new Uint8Array(64))));
    expect(() => decodeSnapshotHeader(readFileSync(file), file)).toThrow(/not a snapshot header of format 2/);
  });
});

function writeTo(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
