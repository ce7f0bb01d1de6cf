import {createHash} from 'node:crypto';
import {existsSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {writeFileAtomically} from '../writeFileAtomically.js';

/**
 * What bundles keep across builds, under one folder:
 *
 * - `files/<sha256>/<file name>`: downloaded wheels, stored under the hash
 *   they were verified against and verified again before each reuse;
 * - `resolutions/<scope>/<name>.json`: answers of package indexes (which
 *   file of which version, its imports and dependencies, or "no such
 *   project"), so a build with nothing new asks no index again.
 *
 * Every write goes to a temporary file renamed into place: a build stopped
 * half-way, or two builds at once, never leave a half-written entry.
 */
export class PackageCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  /** The path of the cached file with this sha256, when it is there and still has that hash (a damaged copy is removed). */
  cachedFile(sha256: string, fileName: string): string | undefined {
    const file = this.#filePath(sha256, fileName);
    if (!existsSync(file)) return undefined;
    if (sha256Hex(readFileSync(file)) === sha256) return file;
    rmSync(file, {force: true});
    return undefined;
  }

  /** Keeps verified bytes under their sha256; returns the path. */
  storeFile(sha256: string, fileName: string, bytes: Uint8Array): string {
    const file = this.#filePath(sha256, fileName);
    writeFileAtomically(file, bytes);
    return file;
  }

  readResolution<T>(scope: string, key: string): T | undefined {
    try {
      return JSON.parse(readFileSync(this.#resolutionPath(scope, key), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  writeResolution(scope: string, key: string, value: unknown): void {
    writeFileAtomically(this.#resolutionPath(scope, key), `${JSON.stringify(value, null, 2)}\n`);
  }

  #filePath(sha256: string, fileName: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a sha256: ${sha256}`);
    return path.join(this.dir, 'files', sha256, safeFileName(fileName));
  }

  #resolutionPath(scope: string, key: string): string {
    return path.join(this.dir, 'resolutions', safeFileName(scope), `${safeFileName(key)}.json`);
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A short stable name for a set of inputs (an index URL and a platform): a cache scope. */
export function cacheScope(...parts: string[]): string {
  return sha256Hex(Buffer.from(parts.join('\n'))).slice(0, 16);
}

function safeFileName(name: string): string {
  const base = path.basename(name);
  if (base === '' || base === '.' || base === '..' || base !== name) throw new Error(`Not a file name: ${name}`);
  return base;
}
