// The memory snapshot file: Pyodide's own snapshot (its wasm heap after
// start-up and after the pyodocs kernel was set up), gzip-compressed, behind
// a small header that says what it was made with. Pyodide's snapshot API
// (`_makeSnapshot` / `_loadSnapshot` of loadPyodide) is semi-private and
// bound to one build of pyodide.asm.wasm, so a worker restores a file only
// when every field of the header matches what it is about to run, and boots
// normally otherwise (issue 13).
//
//   bytes 0..7   SNAPSHOT_MAGIC ("PYODOCS" + format byte)
//   bytes 8..11  header length n (uint32, little-endian)
//   bytes 12..   n bytes of header JSON (UTF-8), then the gzip stream

/** Bump when the file layout, the header or what the snapshot holds (the kernel hooks' tags) changes. */
export const SNAPSHOT_FORMAT = 2;

const MAGIC = [0x50, 0x59, 0x4f, 0x44, 0x4f, 0x43, 0x53, SNAPSHOT_FORMAT]; // "PYODOCS" + format
const PREFIX_BYTES = 12;

/** What a snapshot was made with; the worker compares each field with its own. */
export interface SnapshotHeader {
  format: number;
  /** `version` of the pyodide.mjs that made it, e.g. `314.0.7`. */
  pyodideVersion: string;
  /** sha256 (hex) of the pyodide.asm.wasm that made it: the heap only fits that build. */
  wasmSha256: string;
  /** `KERNEL_SOURCE_SHA256` of the kernel set up in it. */
  kernelSha256: string;
  /** Size of Pyodide's snapshot (the decompressed body), in bytes. */
  bytes: number;
  /** What the heap remembers of the engine it started in (runtimeCapabilities.ts). */
  runSync: boolean;
  trampolineSlot: number;
}

/** A snapshot that cannot be used here: the worker says why in the console and boots normally. */
export class SnapshotMismatchError extends Error {}

/** The file for `header` and the gzip-compressed Pyodide snapshot. */
export function encodeSnapshotFile(header: SnapshotHeader, gzipped: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const file = new Uint8Array(PREFIX_BYTES + json.length + gzipped.length);
  file.set(MAGIC, 0);
  new DataView(file.buffer).setUint32(8, json.length, true);
  file.set(json, PREFIX_BYTES);
  file.set(gzipped, PREFIX_BYTES + json.length);
  return file;
}

/** The header of a whole snapshot file held in memory (the build reads back what it wrote). */
export function decodeSnapshotHeader(file: Uint8Array, name: string): SnapshotHeader {
  if (file.length < PREFIX_BYTES || !MAGIC.every((byte, i) => file[i] === byte)) {
    throw new SnapshotMismatchError(`${name} is not a pyodocs memory snapshot of format ${SNAPSHOT_FORMAT}`);
  }
  const length = new DataView(file.buffer, file.byteOffset).getUint32(8, true);
  return parseHeader(new TextDecoder().decode(file.subarray(PREFIX_BYTES, PREFIX_BYTES + length)), name);
}

/** A snapshot file being read: its header at once, the (decompressed) snapshot when it has arrived. */
export interface OpenedSnapshot {
  header: SnapshotHeader;
  /** Pyodide's snapshot, decompressed and checked against `header.bytes`. */
  body(): Promise<Uint8Array>;
  /** Stop downloading the rest (the header does not fit). */
  cancel(): void;
}

/**
 * Read the header of the snapshot file in `response` as soon as its first
 * bytes arrive; the body is decompressed as it streams in.
 */
export async function openSnapshot(response: Response, url: string): Promise<OpenedSnapshot> {
  if (!response.ok) throw new SnapshotMismatchError(`${url} answered HTTP ${response.status}`);
  if (response.body === null) throw new SnapshotMismatchError(`${url} has no body`);
  if (typeof DecompressionStream !== 'function') {
    throw new SnapshotMismatchError('this browser has no DecompressionStream');
  }
  const reader = response.body.getReader();
  let buffered: Uint8Array = new Uint8Array(0);
  const readAtLeast = async (length: number): Promise<void> => {
    while (buffered.length < length) {
      const {done, value} = await reader.read();
      if (done) throw new SnapshotMismatchError(`${url} ends before its header`);
      const joined = new Uint8Array(buffered.length + value.length);
      joined.set(buffered, 0);
      joined.set(value, buffered.length);
      buffered = joined;
    }
  };
  let header: SnapshotHeader;
  try {
    await readAtLeast(PREFIX_BYTES);
    if (!MAGIC.every((byte, i) => buffered[i] === byte)) {
      throw new SnapshotMismatchError(`${url} is not a pyodocs memory snapshot of format ${SNAPSHOT_FORMAT}`);
    }
    const length = new DataView(buffered.buffer, buffered.byteOffset).getUint32(8, true);
    await readAtLeast(PREFIX_BYTES + length);
    header = parseHeader(new TextDecoder().decode(buffered.subarray(PREFIX_BYTES, PREFIX_BYTES + length)), url);
    buffered = buffered.subarray(PREFIX_BYTES + length);
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  }
  const rest = buffered;
  const compressed = new ReadableStream<Uint8Array>({
    start(controller) {
      if (rest.length > 0) controller.enqueue(rest);
    },
    async pull(controller) {
      const {done, value} = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  let body: Promise<Uint8Array> | undefined;
  return {
    header,
    body: () => {
      body ??= new Response(
        compressed.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>),
      )
        .arrayBuffer()
        .then((buffer) => {
          if (buffer.byteLength !== header.bytes) {
            throw new SnapshotMismatchError(`${url} holds ${buffer.byteLength} bytes, its header says ${header.bytes}`);
          }
          return new Uint8Array(buffer);
        });
      return body;
    },
    cancel: () => {
      void compressed.cancel().catch(() => undefined);
    },
  };
}

function parseHeader(text: string, url: string): SnapshotHeader {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SnapshotMismatchError(`the header of ${url} is not JSON`);
  }
  const header = value as Partial<SnapshotHeader> | null;
  if (
    header === null ||
    header.format !== SNAPSHOT_FORMAT ||
    typeof header.pyodideVersion !== 'string' ||
    typeof header.wasmSha256 !== 'string' ||
    typeof header.kernelSha256 !== 'string' ||
    typeof header.bytes !== 'number' ||
    typeof header.runSync !== 'boolean' ||
    typeof header.trampolineSlot !== 'number'
  ) {
    throw new SnapshotMismatchError(`the header of ${url} is not a snapshot header of format ${SNAPSHOT_FORMAT}`);
  }
  return header as SnapshotHeader;
}

/** Throws a SnapshotMismatchError naming the first field that differs from what this worker runs. */
export function checkSnapshotHeader(
  header: SnapshotHeader,
  runtime: {pyodideVersion: string; kernelSha256: string; jspi: boolean},
): void {
  if (header.pyodideVersion !== runtime.pyodideVersion) {
    throw new SnapshotMismatchError(
      `it was made with Pyodide ${header.pyodideVersion}, this page loads Pyodide ${runtime.pyodideVersion}`,
    );
  }
  if (header.kernelSha256 !== runtime.kernelSha256) {
    throw new SnapshotMismatchError("it was made with another version of the pyodocs kernel than this page's worker");
  }
  // This engine pauses Python with JSPI (time.sleep and input() without
  // cross-origin isolation): a heap started without JSPI cannot.
  if (runtime.jspi && !header.runSync) {
    throw new SnapshotMismatchError(
      'it was made without WebAssembly stack switching (JSPI), which this browser has and Python needs here to pause in time.sleep and input()',
    );
  }
}
