import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {pyodideSnapshotKey, writeSnapshotInChildProcess} from '@pyodocs/runtime/node';
import {siteHasCells} from '../manifest/SiteManifest.js';
import type {SiteManifestConsumer} from '../manifest/SiteManifestPlugin.js';

// The memory snapshot the reader's worker restores Python from instead of
// booting it (issue 13: ~0.5 s instead of ~2.5 s). Made at build time, once
// per Pyodide + kernel (cached), and shipped as one file next to the worker.
// The worker checks it against the Pyodide and kernel it runs and boots
// normally (with a console warning) on any mismatch, so a stale or missing
// file never breaks a cell.

/** What names a snapshot: the same key is the same Pyodide, wasm and kernel. */
export interface MemorySnapshotFile {
  /** `pyodideSnapshotKey()` of @pyodocs/runtime: sha256 of (format, Pyodide version, wasm hash, kernel hash). */
  key: string;
  /** Site-relative path of the file in the build, named by its key so it can be cached forever. */
  publicPath: string;
}

export async function resolveMemorySnapshotFile(): Promise<MemorySnapshotFile> {
  const key = await pyodideSnapshotKey();
  return {key, publicPath: `pyodocs/snapshot.${key.slice(0, 16)}.bin`};
}

/**
 * Emits the memory snapshot when the site has cells. It is made (a Pyodide
 * start-up, a few seconds, in a child process with WebAssembly stack switching
 * on, so its heap goes away with it and it serves Chrome's workers too)
 * only when `cacheDir` has none for this key. A snapshot that cannot be made
 * is a warning: readers' workers then boot Python as without it.
 */
export function memorySnapshotConsumer(options: {
  file: () => Promise<MemorySnapshotFile>;
  cacheDir: string;
}): SiteManifestConsumer {
  let made: Promise<Buffer> | undefined;
  let warned = false;
  return async (site, output) => {
    if (!siteHasCells(site)) return;
    const {key, publicPath} = await options.file();
    const cached = path.join(options.cacheDir, snapshotCacheName(key));
    made ??= cachedSnapshot(cached);
    try {
      output.emit(publicPath, await made);
    } catch (error) {
      made = undefined;
      if (warned) return;
      warned = true;
      output.warn(
        `the memory snapshot could not be made (${error instanceof Error ? error.message : String(error)}); readers' Python will boot without it, a few seconds slower.`,
      );
    }
  };
}

/**
 * The cached file's name: the key, and the Node that made it — whether the
 * heap was made with WebAssembly stack switching (which Chrome's workers
 * need) depends on the Node, so another Node makes its own.
 */
export function snapshotCacheName(key: string): string {
  return `snapshot-${key}-node${process.versions.node}.bin`;
}

async function cachedSnapshot(file: string): Promise<Buffer> {
  if (!existsSync(file)) {
    const started = performance.now();
    const header = await writeSnapshotInChildProcess(file);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(`[pyodocs] Made the Pyodide memory snapshot in ${seconds} s.`);
    if (!header.runSync) {
      console.warn(
        `[pyodocs] This Node (${process.version}) could not turn on WebAssembly stack switching (JSPI) for the memory snapshot: browsers that have it (Chrome, Edge) will boot Python without the snapshot, a few seconds slower.`,
      );
    }
  }
  return readFile(file);
}
