import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

/** One package of a pyodide-lock.json. */
export interface LockPackage {
  name: string;
  version: string;
  file_name: string;
  install_dir: string;
  package_type: string;
  sha256: string;
  imports: string[];
  depends: string[];
  unvendored_tests: boolean;
  [field: string]: unknown;
}

export interface PyodideLock {
  info: {abi_version: string; arch: string; platform: string; python: string; [field: string]: unknown};
  packages: Record<string, LockPackage>;
  tool?: Record<string, unknown>;
}

/** The lock file and version of the `pyodide` npm package this CLI is pinned to. */
export function pinnedPyodide(): {version: string; lock: PyodideLock} {
  const require = createRequire(import.meta.url);
  const version = (JSON.parse(readFileSync(require.resolve('pyodide/package.json'), 'utf8')) as {version: string})
    .version;
  const lock = JSON.parse(readFileSync(require.resolve('pyodide/pyodide-lock.json'), 'utf8')) as PyodideLock;
  return {version, lock};
}

/** PEP 503 normalisation, as the lock file's keys. */
export function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}
