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
   * Default: the official distribution of the pinned version,
   * `OFFICIAL_DISTRIBUTION_URL`. In Node, a directory path, a `file:` URL or
   * an http(s) URL.
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

/** The project's page about packages: package errors link to it (client option `packagesHelpUrl` overrides it). */
export const PACKAGES_HELP_URL = 'https://pyodocs.example.org/docs/packages';

/** Apply the defaults of `PackageSourceOptions`; `indexURL` ends in `/`. */
export function resolvePackageSources(indexURL: string, options: PackageSourceOptions = {}): ResolvedPackageSources {
  return {
    lockFileUrl: options.lockFileUrl ?? `${indexURL}pyodide-lock.json`,
    baseUrl: withTrailingSlash(options.baseUrl ?? OFFICIAL_DISTRIBUTION_URL),
    indexUrls: options.indexUrls ?? [],
  };
}

export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
