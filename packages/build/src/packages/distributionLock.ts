import {OFFICIAL_DISTRIBUTION_URL, type PyodideLock} from '@pyodocs/runtime';
import {HttpFetcher} from './httpFetcher.js';
import {cacheScope, PackageCache} from './packageCache.js';
import {pinnedPyodideLock} from './pinnedPyodideLock.js';

/**
 * The lock file of a Pyodide distribution: for the official one of the
 * pinned version, the pinned lock itself (the same file, no request); for
 * another URL (a copy of the distribution, a local one), its own
 * `pyodide-lock.json`, fetched once and kept in the package cache, and
 * refused unless it is for the same interpreter (ABI and Python version) as
 * the pinned core, whose packages it must be able to load.
 */
export async function distributionLock(distributionUrl: string, options: {cacheDir: string}): Promise<PyodideLock> {
  const pinned = pinnedPyodideLock();
  const base = distributionUrl.endsWith('/') ? distributionUrl : `${distributionUrl}/`;
  if (base === OFFICIAL_DISTRIBUTION_URL) return pinned;
  const cache = new PackageCache(options.cacheDir);
  const scope = cacheScope('distribution-lock', base);
  let lock = cache.readResolution<PyodideLock>(scope, 'pyodide-lock');
  if (lock === undefined) {
    const url = `${base}pyodide-lock.json`;
    const outcome = await new HttpFetcher().json(url);
    if (!outcome.ok) throw new Error(`Could not read the lock file of the distribution at ${url}: ${outcome.message}.`);
    lock = outcome.value as PyodideLock;
    if (
      typeof lock !== 'object' ||
      lock === null ||
      typeof lock.packages !== 'object' ||
      typeof lock.info !== 'object'
    ) {
      throw new Error(`${url} is not a pyodide-lock.json (no "info" and "packages").`);
    }
    cache.writeResolution(scope, 'pyodide-lock', lock);
  }
  const same = (version: string | undefined) => version?.split('.').slice(0, 2).join('.');
  if (lock.info.abi_version !== pinned.info.abi_version || same(lock.info.python) !== same(pinned.info.python)) {
    throw new Error(
      `The distribution at ${base} is for Python ${lock.info.python} (ABI ${lock.info.abi_version}), but the site ships Pyodide for Python ${pinned.info.python} (ABI ${pinned.info.abi_version}): its packages cannot load. Point packages.distributionUrl at a distribution of the same Pyodide version.`,
    );
  }
  return lock;
}
