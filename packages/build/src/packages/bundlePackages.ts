import {
  KERNEL_PROVIDED_MODULES,
  lockPackageForImport,
  normalizePackageName,
  OFFICIAL_DISTRIBUTION_URL,
  PYODIDE_VERSION,
  type PyodideLock,
  type PyodideLockPackage,
} from '@pyodocs/runtime';
import type {FetchedPackage} from './fetchedPackage.js';
import {HttpFetcher} from './httpFetcher.js';
import {fetchLockPackage, type LockPackageContext} from './lockPackages.js';
import {cacheScope, PackageCache} from './packageCache.js';
import {pinnedPyodideLock} from './pinnedPyodideLock.js';
import {PYODIDE_MODULES} from './pyodideModules.js';
import {lookupPypiPackage, type PypiContext} from './pypiPackages.js';
import {parseRequirement, pyodideEnvironment} from './requirements.js';
import type {TargetPlatform} from './wheelFiles.js';

/** What a set of pages needs (the union of their page manifests). */
export interface PackageRequest {
  /** Declared package names, as authors wrote them (front matter, packages= meta); `name==version` pins one. */
  packages: string[];
  /** Top-level modules imported by cells and doctests. */
  imports: string[];
}

export interface PackageFetchOptions {
  /** Where wheels and resolutions are cached across builds (the plugin passes node_modules/.cache/pyodocs/packages). */
  cacheDir: string;
  /** Official distribution for lock packages; default OFFICIAL_DISTRIBUTION_URL; null: do not use it. */
  distributionUrl?: string | null;
  /** PyPI's JSON API (`{pypiUrl}/pypi/{name}/json`); default https://pypi.org; null: do not use it. */
  pypiUrl?: string | null;
  /**
   * The lock to resolve against and verify distribution files with. Default:
   * the pinned Pyodide's own. Tests (and fixture distributions) pass theirs.
   */
  lock?: PyodideLock;
  /** Progress: one line per package bundled or not. */
  log?: (line: string) => void;
}

export interface BundledPackage {
  name: string;
  version: string;
  fileName: string;
  source: 'distribution' | 'pypi';
  /** Where the file comes from (also when this build took it from the cache). */
  url: string;
  fromCache: boolean;
}

export interface PackageBundle {
  /** The lock to serve: bundled packages with relative file_name; every other package of the pinned lock with its absolute URL on the official distribution (so a reader's own imports still load from the default source). */
  lock: PyodideLock;
  /** Files to serve next to the lock, from the cache. */
  files: Array<{fileName: string; path: string; size: number}>;
  bundled: BundledPackage[];
  /** Packages needed but not bundled, with the reason (unreachable source, no loadable wheel, …); for lock packages the lock still lists their official URL. */
  failed: Array<{name: string; reason: string}>;
  /** Imports no source provides (not stdlib, not the kernel's, not in the lock, no PyPI project of that name). */
  unknownImports: string[];
  /** HTTP requests made (0 when everything came from the cache). */
  requests: number;
}

/** One package to resolve: declared, providing an import, or a dependency. */
interface WantedPackage {
  name: string;
  pinned?: string;
  /** The package that depends on it. */
  requestedBy?: string;
  /** The import it was looked up for (a name no source has is then an unknown import, not a failure). */
  module?: string;
}

type Resolution =
  | {kind: 'bundled'; key: string; fetched: FetchedPackage}
  | {kind: 'failed'; name: string; reason: string; depends: string[]}
  | {kind: 'unknown-import'; module: string};

/**
 * Resolves the packages `request` needs for the pinned Pyodide, as the worker
 * would load them, and fetches each file once (sha256-verified, cached in
 * `cacheDir`). Never throws for a package problem: what cannot be bundled is
 * listed in `failed` and `unknownImports`.
 *
 * An import needs nothing when a fresh Pyodide has it (its standard library,
 * its own modules) or the pyodocs kernel provides it; else the lock package
 * providing it; else the PyPI project of that name. Declared names: the lock,
 * else PyPI. Dependencies: the lock's `depends`, or `Requires-Dist` for PyPI
 * packages. Lock packages come from the distribution, or the same version on
 * PyPI when the distribution cannot serve them.
 */
export async function bundlePackages(request: PackageRequest, options: PackageFetchOptions): Promise<PackageBundle> {
  const lock = options.lock ?? pinnedPyodideLock();
  const log = options.log ?? (() => undefined);
  const fetcher = new HttpFetcher();
  const cache = new PackageCache(options.cacheDir);
  const distributionUrl =
    options.distributionUrl === null
      ? undefined
      : withTrailingSlash(options.distributionUrl ?? OFFICIAL_DISTRIBUTION_URL);
  const pypiUrl = options.pypiUrl === null ? undefined : (options.pypiUrl ?? 'https://pypi.org').replace(/\/+$/, '');
  for (const [option, url] of [
    ['distributionUrl', distributionUrl],
    ['pypiUrl', pypiUrl],
  ] as const) {
    if (url !== undefined && !URL.canParse(url)) throw new TypeError(`${option} is not an absolute URL: '${url}'`);
  }
  const cpythonTag = `cp${lock.info.python.split('.').slice(0, 2).join('')}`;
  const target: TargetPlatform = {cpythonTag, platformTag: `pyemscripten_${lock.info.abi_version}_wasm32`};
  const pypi: PypiContext | undefined =
    pypiUrl === undefined
      ? undefined
      : {
          fetcher,
          cache,
          pypiUrl,
          scope: cacheScope(pypiUrl, lock.info.python, target.platformTag),
          target,
          environment: pyodideEnvironment(lock.info.python),
          pyodideVersion: PYODIDE_VERSION,
        };
  const context: ResolveContext = {
    lock,
    pypi,
    lockPackages: {fetcher, cache, distributionUrl, pypi, pyodideVersion: PYODIDE_VERSION},
  };

  // Each package is resolved once; its dependencies are visited as soon as it is.
  const visits = new Map<string, Promise<void>>();
  const resolutions: Resolution[] = [];
  const visit = (wanted: WantedPackage): void => {
    const key = normalizePackageName(wanted.name);
    if (key === '' || visits.has(key)) return;
    visits.set(
      key,
      resolveWantedPackage(wanted, context).then((resolution) => {
        resolutions.push(resolution);
        logResolution(resolution, log);
        const owner = resolution.kind === 'bundled' ? resolution.fetched.entry : undefined;
        const depends = owner?.depends ?? (resolution.kind === 'failed' ? resolution.depends : []);
        for (const dependency of depends) visit({name: dependency, requestedBy: owner?.name ?? wanted.name});
      }),
    );
  };
  for (const wanted of wantedPackages(request, lock)) visit(wanted);
  for (let settled = 0; settled < visits.size; ) {
    const pending = Array.from(visits.values());
    await Promise.all(pending);
    settled = pending.length;
  }

  const bundled = resolutions
    .flatMap((resolution) => (resolution.kind === 'bundled' ? [resolution] : []))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    lock: servedLock(lock, bundled, distributionUrl ?? OFFICIAL_DISTRIBUTION_URL),
    files: bundled.map(({fetched}) => ({fileName: fetched.entry.file_name, path: fetched.path, size: fetched.size})),
    bundled: bundled.map(({fetched}) => ({
      name: fetched.entry.name,
      version: fetched.entry.version,
      fileName: fetched.entry.file_name,
      source: fetched.source,
      url: fetched.url,
      fromCache: fetched.fromCache,
    })),
    failed: resolutions
      .flatMap((resolution) =>
        resolution.kind === 'failed' ? [{name: resolution.name, reason: resolution.reason}] : [],
      )
      .sort((a, b) => a.name.localeCompare(b.name)),
    unknownImports: resolutions
      .flatMap((resolution) => (resolution.kind === 'unknown-import' ? [resolution.module] : []))
      .sort(),
    requests: fetcher.requests,
  };
}

interface ResolveContext {
  lock: PyodideLock;
  /** undefined: PyPI is not used. */
  pypi: PypiContext | undefined;
  lockPackages: LockPackageContext;
}

/** One package: the lock's file when the lock has it (that version), else PyPI's. */
async function resolveWantedPackage(wanted: WantedPackage, context: ResolveContext): Promise<Resolution> {
  const key = normalizePackageName(wanted.name);
  const entry: PyodideLockPackage | undefined = context.lock.packages[key];
  if (entry !== undefined && (wanted.pinned === undefined || wanted.pinned === entry.version)) {
    const fetched = await fetchLockPackage(entry, context.lockPackages);
    return fetched.status === 'found'
      ? {kind: 'bundled', key, fetched: fetched.fetched}
      : {kind: 'failed', name: entry.name, reason: fetched.message, depends: entry.depends};
  }
  const where = wanted.requestedBy === undefined ? '' : ` (a dependency of ${wanted.requestedBy})`;
  const written = wanted.pinned === undefined ? wanted.name : `${wanted.name}==${wanted.pinned}`;
  const failed = (reason: string): Resolution => ({kind: 'failed', name: wanted.name, reason, depends: []});
  if (context.pypi === undefined) {
    if (wanted.module !== undefined) return {kind: 'unknown-import', module: wanted.module};
    return failed(
      `Package '${written}'${where} is not in Pyodide ${PYODIDE_VERSION}'s lock file, and PyPI is not used`,
    );
  }
  const found = await lookupPypiPackage(wanted.name, wanted.pinned, entry, context.pypi);
  if (found?.status === 'found') return {kind: 'bundled', key, fetched: found.fetched};
  if (found?.status !== 'no-project') return failed(found?.message ?? 'not found');
  if (wanted.module !== undefined) return {kind: 'unknown-import', module: wanted.module};
  const pypiUrl = context.pypi.pypiUrl;
  return failed(
    entry === undefined
      ? `Package '${written}'${where} exists neither in Pyodide ${PYODIDE_VERSION}'s lock file nor on ${pypiUrl} (${found.message}). Check the spelling.`
      : `Package '${written}'${where}: Pyodide ${PYODIDE_VERSION}'s lock file has version ${entry.version}, and ${pypiUrl} has no such project (${found.message})`,
  );
}

/** The lock to serve: the bundled entries, and every other package of `lock` at the distribution (readers' fallback). */
function servedLock(
  lock: PyodideLock,
  bundled: Array<{key: string; fetched: FetchedPackage}>,
  distributionUrl: string,
): PyodideLock {
  const packages: Record<string, PyodideLockPackage> = {};
  for (const [key, entry] of Object.entries(lock.packages)) {
    packages[key] = {...entry, file_name: new URL(entry.file_name, distributionUrl).href};
  }
  for (const {key, fetched} of bundled) packages[key] = fetched.entry;
  return {info: lock.info, packages: sortedByKey(packages)};
}

/** Declared names first (a declared name that does not exist is a failure, an import that does not is unknown). */
function wantedPackages(request: PackageRequest, lock: PyodideLock): WantedPackage[] {
  const wanted: WantedPackage[] = [];
  for (const raw of request.packages) {
    const spec = raw.trim();
    // Wheel URLs are loaded by the reader's browser from where the author put them.
    if (spec === '' || spec.includes('/') || /\.whl([?#].*)?$/i.test(spec)) continue;
    const pin = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;,]+)$/.exec(spec);
    wanted.push(pin ? {name: pin[1] ?? spec, pinned: pin[2] ?? ''} : {name: parseRequirement(spec).name});
  }
  for (const raw of new Set(request.imports)) {
    const module = raw.trim().split('.')[0] ?? '';
    if (module === '' || PYODIDE_MODULES.has(module) || KERNEL_PROVIDED_MODULES.includes(module)) continue;
    const provider = lockPackageForImport(lock, module);
    wanted.push(provider === undefined ? {name: module, module} : {name: provider});
  }
  return wanted;
}

function logResolution(resolution: Resolution, log: (line: string) => void): void {
  if (resolution.kind === 'bundled') {
    const {entry, size, url, fromCache} = resolution.fetched;
    log(
      `${entry.name} ${entry.version}  ${entry.file_name}  (${formatKilobytes(size)} ${fromCache ? 'cached' : `from ${url}`})`,
    );
  } else if (resolution.kind === 'failed') {
    log(`${resolution.name}: not bundled. ${resolution.reason}`);
  } else {
    log(`${resolution.module}: no package provides this import`);
  }
}

function formatKilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
