import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import type {ExecuteOptions, PackagesOptions} from '../options.js';

/**
 * Part of webpack's persistent cache key: what decides the build outputs
 * compiled into pages besides their source — the `execute` options, the
 * Pyodide version, the package sources (their lock decides the package set a
 * cell runs with) and the code that runs cells (@pyodocs/build and
 * @pyodocs/runtime, kernel included). A page webpack takes from its cache
 * runs no remark plugin, so without these a new Pyodide or package set
 * would keep serving the old outputs. (Cells in `force` mode are handled
 * per page: see ForcedPagesPlugin.)
 */
export function buildOutputsCacheKey(inputs: {
  execute: ExecuteOptions;
  packages: PackagesOptions;
  pyodideVersion: string;
  /** Folders of the code that runs cells; default: @pyodocs/build's and @pyodocs/runtime's lib. */
  codeDirs?: readonly string[];
}): string {
  const {execute, packages, pyodideVersion} = inputs;
  const hash = createHash('sha256').update(JSON.stringify({execute, packages, pyodideVersion}));
  for (const dir of inputs.codeDirs ?? executionCodeDirs()) {
    for (const file of readdirSync(dir, {recursive: true, encoding: 'utf8'}).sort()) {
      if (file.endsWith('.js') || file.endsWith('.py')) hash.update(file).update(readFileSync(path.join(dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function executionCodeDirs(): string[] {
  const require = createRequire(import.meta.url);
  return ['@pyodocs/build', '@pyodocs/runtime'].map((name) => path.dirname(require.resolve(name)));
}
