import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import {pyodideSnapshotKey} from '@pyodocs/runtime/node';
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
 * start-up, a few seconds, in a worker thread so its heap goes away with it)
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
    const cached = path.join(options.cacheDir, `snapshot-${key}.bin`);
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

async function cachedSnapshot(file: string): Promise<Buffer> {
  if (!existsSync(file)) {
    const started = performance.now();
    await makeInWorkerThread(file);
    console.info(
      `[pyodocs] Made the Pyodide memory snapshot in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  }
  return readFile(file);
}

function makeInWorkerThread(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The compiled thread in lib/, from lib/snapshot/ (the plugin) and from src/snapshot/ (its tests) alike.
    const thread = new URL('../../lib/snapshot/makeSnapshotThread.js', import.meta.url);
    const worker = new Worker(thread, {workerData: {file}});
    let failure: Error | undefined;
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (failure === undefined && code === 0 && existsSync(file)) resolve();
      else reject(failure ?? new Error(`the snapshot thread exited with code ${code}`));
    });
  });
}
