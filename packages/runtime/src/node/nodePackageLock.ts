import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {PyodideLock, PyodideLockPackage} from '../packages/pyodideLock.js';
import {sha256Integrity} from '../worker/integrity.js';
import {fileName, type ResolveRequest} from '../worker/packageDownloads.js';

// Why the Node worker rewrites the lock: Pyodide 314 in Node does not load a
// lock the way the browser does. Its downloadPackage resolves `file_name`
// with path.resolve against packageCacheDir, reads that file, and on a miss
// fetches `packageBaseUrl + file_name` (string concatenation) without the
// sha256 and writes the file into packageCacheDir. So an absolute URL in a
// lock becomes `<base>https://…`, a name with a folder cannot be cached, and
// no hash is checked. The Node worker therefore gives Pyodide a lock whose
// file names are plain names under a base nobody serves, and answers those
// requests itself (through the download wrapper) from the real location,
// with the lock's sha256 as the integrity.

/** The base Node's Pyodide is told packages come from; `.invalid` never resolves, so a miss fails loudly. */
export const NODE_PACKAGE_BASE = 'http://pyodocs-packages.invalid/';

export interface NodePackageLock {
  /** The lock to give Node's Pyodide (with `packageBaseUrl: NODE_PACKAGE_BASE`). */
  lock: PyodideLock;
  /** The real location and integrity of a request under NODE_PACKAGE_BASE; undefined for any other URL. */
  resolve: ResolveRequest;
}

export function nodePackageLock(lock: PyodideLock, baseUrl: string): NodePackageLock {
  const targets = new Map<string, {url: string; integrity: string}>();
  const packages: Record<string, PyodideLockPackage> = {};
  for (const [key, entry] of Object.entries(lock.packages)) {
    const url = resolveFileName(entry.file_name, baseUrl);
    // Plain, unique names: Pyodide writes each downloaded file into its cache folder under this name.
    let name = fileName(url);
    if (name === '' || targets.has(name)) name = `${key}-${targets.size}-${name}`;
    targets.set(name, {url, integrity: sha256Integrity(entry.sha256)});
    packages[key] = {...entry, file_name: name};
  }
  return {
    lock: {...lock, packages},
    resolve: (url) =>
      url.startsWith(NODE_PACKAGE_BASE) ? targets.get(url.slice(NODE_PACKAGE_BASE.length)) : undefined,
  };
}

/**
 * Where a lock's `file_name` is: an absolute URL or path as is, else against
 * `baseUrl` (an http(s) or file: URL, or a directory path). Paths come back
 * as file: URLs.
 */
export function resolveFileName(name: string, baseUrl: string): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(name)) return name;
  if (path.isAbsolute(name)) return pathToFileURL(name).href;
  if (/^[a-z][a-z0-9+.-]+:/i.test(baseUrl)) return new URL(name, baseUrl).href;
  return pathToFileURL(path.resolve(baseUrl, name)).href;
}
