import {readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import type {PythonError, RunKind} from '@pyodocs/runtime';
import {TEMPORARY_SUFFIX, writeFileAtomically} from '../writeFileAtomically.js';
import type {ExecutedOutput} from './CellExecution.js';

/** What the cache keeps of a cell that ran as expected. */
export interface CachedCell {
  kind: RunKind;
  outputs: ExecutedOutput[];
  /** The exception a `raises-exception` cell raised. */
  error?: PythonError;
}

interface CacheEntryFile extends CachedCell {
  /** The key the entry was written under: a file renamed or copied by hand is not taken for another. */
  key: string;
}

/**
 * The execution cache: one JSON file per cell result,
 * `<dir>/<first two hex digits>/<key>.json`, under the key of
 * `executionCacheKey`. Each entry is written to a temporary file and
 * renamed, so a build killed mid-write never leaves a half-written entry;
 * the temporary files it may leave are never read, and removed by a later
 * cache once they are a day old. An entry that does not parse is a miss.
 */
export class ExecutionCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  read(key: string): CachedCell | undefined {
    const file = this.#entryPath(key);
    let entry: unknown;
    try {
      entry = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
    if (!isCacheEntry(entry) || entry.key !== key) return undefined;
    return {kind: entry.kind, outputs: entry.outputs, ...(entry.error ? {error: entry.error} : {})};
  }

  write(key: string, cell: CachedCell): void {
    const entry: CacheEntryFile = {key, ...cell};
    writeFileAtomically(this.#entryPath(key), `${JSON.stringify(entry)}\n`);
  }

  /** Temporary files of writes that never finished (a killed process), older than `maxAgeMs`. */
  removeAbandonedWrites(maxAgeMs = 24 * 60 * 60 * 1000): void {
    let shards: string[];
    try {
      shards = readdirSync(this.dir);
    } catch {
      return;
    }
    const now = Date.now();
    for (const shard of shards) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of readdirSync(path.join(this.dir, shard))) {
        if (!name.endsWith(TEMPORARY_SUFFIX)) continue;
        const file = path.join(this.dir, shard, name);
        try {
          if (now - statSync(file).mtimeMs > maxAgeMs) rmSync(file, {force: true});
        } catch {
          // Another process removed or renamed it meanwhile.
        }
      }
    }
  }

  #entryPath(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`Not an execution cache key: ${key}`);
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

function isCacheEntry(value: unknown): value is CacheEntryFile {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<CacheEntryFile>;
  return (
    typeof entry.key === 'string' &&
    (entry.kind === 'cell' || entry.kind === 'doctest') &&
    Array.isArray(entry.outputs) &&
    entry.outputs.every((output) => typeof output === 'object' && output !== null && 'kind' in output) &&
    (entry.error === undefined || (typeof entry.error === 'object' && typeof entry.error.ename === 'string'))
  );
}
