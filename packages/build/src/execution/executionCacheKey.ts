import {createHash} from 'node:crypto';
import {
  lockPackageForImport,
  normalizePackageName,
  PYODIDE_VERSION,
  type PyodideLock,
  packageClosure,
  type RunKind,
} from '@pyodocs/runtime';
import type {ExecutableCell} from './CellExecution.js';

/**
 * Bump when what a cache entry holds, or how cells run, changes: older
 * entries are then never read again.
 */
export const EXECUTION_FORMAT_VERSION = 1;

/** What one run is: its kind and the code the worker receives. */
export interface RunSource {
  kind: RunKind;
  code: string;
}

/** The code a cell's run receives: for a doctest, the block exactly as documented. */
export function runSource(cell: ExecutableCell): RunSource {
  return cell.kind === 'doctest' ? {kind: 'doctest', code: cell.source ?? cell.code} : {kind: 'cell', code: cell.code};
}

/**
 * The cache key of a cell (contract C9): sha256 of the executor format
 * version, the Pyodide version, the packages its session has loaded by the
 * time it runs, its code and kind, and the code of the earlier cells of its
 * session on the page. Two cells with the same key produce the same outputs,
 * whichever page they are on.
 */
export function executionCacheKey(cell: RunSource, earlier: readonly RunSource[], packages: readonly string[]): string {
  const inputs = {
    format: EXECUTION_FORMAT_VERSION,
    pyodide: PYODIDE_VERSION,
    packages,
    earlier: earlier.map(({kind, code}) => [kind, code]),
    cell: [cell.kind, cell.code],
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/**
 * The packages a session has loaded once `cells` (its cells so far) ran:
 * what the worker loads for their imports and declared packages, with every
 * dependency, as `name==version sha256` (the exact file), sorted. Declared
 * wheel URLs are listed as written, names no lock entry has as `name==?`.
 */
export function sessionPackageSet(lock: PyodideLock, cells: readonly ExecutableCell[]): string[] {
  const names = new Set<string>();
  const urls = new Set<string>();
  for (const cell of cells) {
    for (const spec of cell.packages) {
      const trimmed = spec.trim();
      if (trimmed === '') continue;
      if (trimmed.includes('/') || /\.whl([?#].*)?$/i.test(trimmed)) urls.add(trimmed);
      else names.add(normalizePackageName(trimmed.split(/[\s<>=!~;[(]/)[0] ?? trimmed));
    }
    for (const module of cell.imports) {
      const provider = lockPackageForImport(lock, module.split('.')[0] ?? module);
      if (provider !== undefined) names.add(provider);
    }
  }
  const closure = packageClosure(lock, names);
  return [
    ...closure.packages.map((key) => {
      const entry = lock.packages[key];
      return `${key}==${entry?.version} ${entry?.sha256}`;
    }),
    ...closure.missing.map((key) => `${key}==?`),
    ...urls,
  ].sort();
}
