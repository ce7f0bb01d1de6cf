import {OFFICIAL_DISTRIBUTION_URL} from './officialDistribution.js';

/**
 * Where packages come from: a lock file (which packages exist, their files,
 * sha256 and dependencies), the base its relative file names resolve
 * against, and the indexes micropip may ask for anything else. A lock's
 * `file_name` may also be an absolute URL, used as is: a lock bundled with a
 * site names its own wheels relatively and the rest by their official URL.
 */
export interface PackageSourceOptions {
  /**
   * The `pyodide-lock.json` to resolve packages with. Default:
   * `${indexURL}pyodide-lock.json`, the lock of the (self-hosted) core. In
   * Node, a path, a `file:` URL or an http(s) URL.
   */
  lockFileUrl?: string;
  /**
   * Base URL (a folder) the lock's relative file names resolve against.
   * Default: the lock's own folder when `lockFileUrl` is set (a mirror or a
   * bundle serves its wheels beside its lock), else the official
   * distribution of the pinned version, `OFFICIAL_DISTRIBUTION_URL` (the
   * core's lock, files from the distribution). In Node, a directory path, a
   * `file:` URL or an http(s) URL.
   */
  baseUrl?: string;
  /**
   * Package indexes micropip may query for names that are not in the lock
   * (e.g. `https://pypi.org/simple/{package_name}/`). Default none: a page
   * never reaches out to an index its site did not choose.
   */
  indexUrls?: string[];
}

/** `PackageSourceOptions` with every default applied. */
export interface ResolvedPackageSources {
  lockFileUrl: string;
  /** Ends in `/`. */
  baseUrl: string;
  indexUrls: string[];
}

/** Apply the defaults of `PackageSourceOptions`; `indexURL` ends in `/`. */
export function resolvePackageSources(indexURL: string, options: PackageSourceOptions = {}): ResolvedPackageSources {
  const {lockFileUrl} = options;
  return {
    lockFileUrl: lockFileUrl ?? `${indexURL}pyodide-lock.json`,
    // A lock of one's own comes with its files: never send its relative names to the CDN by default.
    baseUrl: withTrailingSlash(
      options.baseUrl ?? (lockFileUrl === undefined ? OFFICIAL_DISTRIBUTION_URL : lockFolder(lockFileUrl)),
    ),
    indexUrls: options.indexUrls ?? [],
  };
}

/** The folder of a lock file's URL or path (`…/pyodide-lock.json` → `…/`). */
function lockFolder(lockFileUrl: string): string {
  return lockFileUrl.slice(0, lockFileUrl.lastIndexOf('/') + 1) || './';
}

export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
