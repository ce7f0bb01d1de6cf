import {normalizePackageName} from './packageNames.js';

// The shape of `pyodide-lock.json`, declared here rather than imported from
// the `pyodide` package: its types pull in Node's, and this file is also
// compiled for browsers. The real 314 lock has every field below.

/** Platform of the packages of a lock; `abi_version` must match the interpreter's. */
export interface PyodideLockInfo {
  /** `wasm32`. */
  arch: string;
  /** `yyyy_patch`, e.g. `2026_0`: Pyodide refuses a lock of another ABI. */
  abi_version: string;
  /** The Emscripten platform, e.g. `emscripten_5_0_3`. */
  platform: string;
  /** The Python version the lock was made with, e.g. `3.14.2`. */
  python: string;
  /** The Pyodide version the lock was made with (informational). */
  version?: string;
}

/** One package of a lock file. */
export interface PyodideLockPackage {
  /** The unnormalised name, e.g. `python-dateutil`. */
  name: string;
  version: string;
  /** A wheel or zip file name relative to the lock's base URL, or an absolute URL. */
  file_name: string;
  /** `site` (site-packages), or `dynlib` for shared libraries on the library path. */
  install_dir: string;
  /** `package`, `cpython_module`, `shared_library` or `static_library`. */
  package_type: string;
  /** Hex sha256 of the file. */
  sha256: string;
  /** Top-level modules the package provides. */
  imports: string[];
  /** Normalised names of the packages it needs. */
  depends: string[];
  /** The package's tests were split into a `<name>-tests` package. */
  unvendored_tests?: boolean;
  /** Tool-specific data (empty in Pyodide's own lock). */
  tool?: Record<string, unknown>;
}

/** A `pyodide-lock.json`. */
export interface PyodideLock {
  info: PyodideLockInfo;
  /** Keyed by normalised name. */
  packages: Record<string, PyodideLockPackage>;
  /** Tool-specific data (empty in Pyodide's own lock). */
  tool?: Record<string, unknown>;
}

/**
 * `names` and every lock package they depend on, transitively: normalised
 * keys in a stable order (the names first, then dependencies breadth-first).
 * Names the lock does not have are returned in `missing`.
 */
export function packageClosure(
  lock: Pick<PyodideLock, 'packages'>,
  names: Iterable<string>,
): {packages: string[]; missing: string[]} {
  const found: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const queue = Array.from(names, normalizePackageName);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next)) continue;
    seen.add(next);
    const entry = lock.packages[next];
    if (entry === undefined) {
      missing.push(next);
      continue;
    }
    found.push(next);
    for (const dependency of entry.depends) queue.push(normalizePackageName(dependency));
  }
  return {packages: found, missing};
}

// Per lock object: a lock does not change once loaded.
const providerCache = new WeakMap<object, Map<string, string>>();

/**
 * The lock package (normalised key) that provides the top-level module
 * `module`, as Pyodide's `loadPackagesFromImports` finds it: the first
 * package listing it in `imports`.
 */
export function lockPackageForImport(lock: Pick<PyodideLock, 'packages'>, module: string): string | undefined {
  let providers = providerCache.get(lock.packages);
  if (providers === undefined) {
    providers = new Map();
    for (const [key, entry] of Object.entries(lock.packages)) {
      for (const provided of entry.imports ?? []) if (!providers.has(provided)) providers.set(provided, key);
    }
    providerCache.set(lock.packages, providers);
  }
  return providers.get(module);
}
