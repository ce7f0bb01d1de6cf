import {statSync} from 'node:fs';
import {normalizePackageName, OFFICIAL_DISTRIBUTION_URL, type PyodideLockPackage} from '@pyodocs/runtime';
import type {FetchedPackage} from './fetchedPackage.js';
import type {HttpFetcher} from './httpFetcher.js';
import {type PackageCache, sha256Hex} from './packageCache.js';
import {lookupPypiPackage, type PypiContext} from './pypiPackages.js';

export interface LockPackageContext {
  fetcher: HttpFetcher;
  cache: PackageCache;
  /** The distribution to download lock files from; undefined: not used. */
  distributionUrl: string | undefined;
  /** PyPI, for the same version when the distribution cannot serve it; undefined: not used. */
  pypi: PypiContext | undefined;
  pyodideVersion: string;
}

export type LockPackageFetch = {status: 'found'; fetched: FetchedPackage} | {status: 'failed'; message: string};

/**
 * The file of a package of the pinned lock, in source order: the
 * distribution's file, refused unless its sha256 is the lock's; else the
 * same version from PyPI. The cache is asked first for both, so a build with
 * everything cached makes no request.
 */
export async function fetchLockPackage(
  entry: PyodideLockPackage,
  context: LockPackageContext,
): Promise<LockPackageFetch> {
  const url = new URL(entry.file_name, context.distributionUrl ?? OFFICIAL_DISTRIBUTION_URL).href;
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? entry.file_name);
  const fromDistribution = (path: string, size: number, fromCache: boolean): LockPackageFetch => ({
    status: 'found',
    fetched: {
      entry: {...entry, file_name: fileName, depends: entry.depends.map(normalizePackageName)},
      path,
      size,
      source: 'distribution',
      url,
      fromCache,
    },
  });

  const cached = context.cache.cachedFile(entry.sha256, fileName);
  if (cached !== undefined) return fromDistribution(cached, statSync(cached).size, true);
  if (context.pypi !== undefined) {
    const fallback = await lookupPypiPackage(entry.name, entry.version, entry, context.pypi, true);
    if (fallback?.status === 'found') return fallback;
  }

  const attempts: string[] = [];
  if (context.distributionUrl !== undefined) {
    const download = await context.fetcher.bytes(url);
    if (download.ok) {
      const actual = sha256Hex(download.value);
      if (actual !== entry.sha256) {
        // A distribution that serves other bytes than the lock names is not trusted for anything else either.
        return {
          status: 'failed',
          message: `${url} does not match the sha256 of '${entry.name}' in Pyodide ${context.pyodideVersion}'s lock file (expected ${entry.sha256}, got ${actual}); refused`,
        };
      }
      const path = context.cache.storeFile(entry.sha256, fileName, download.value);
      return fromDistribution(path, download.value.length, false);
    }
    attempts.push(`${url}: ${download.message}`);
  }
  if (context.pypi !== undefined) {
    const fallback = await lookupPypiPackage(entry.name, entry.version, entry, context.pypi);
    if (fallback?.status === 'found') return fallback;
    if (fallback !== undefined) attempts.push(fallback.message);
  }
  return {
    status: 'failed',
    message:
      attempts.length === 0
        ? `'${entry.name}' ${entry.version} is in Pyodide ${context.pyodideVersion}'s lock file, but neither the distribution nor PyPI is used`
        : `Could not fetch '${entry.name}' ${entry.version} (from Pyodide ${context.pyodideVersion}'s lock file): ${attempts.join('; ')}`,
  };
}
