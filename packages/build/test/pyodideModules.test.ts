import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {pathToFileURL} from 'node:url';
import {PYODIDE_VERSION} from '@pyodocs/runtime';
import {expect, test} from 'vitest';
import {PYODIDE_MODULES, PYODIDE_MODULES_VERSION} from '../src/packages/pyodideModules.js';

// The generated list against the real Pyodide the runtime ships, started in
// Node: the same script the generator runs. When this fails after a Pyodide
// upgrade, run `pnpm --filter @pyodocs/build generate:pyodide-modules`.

test('PYODIDE_MODULES is what the pinned Pyodide imports without loading a package', async () => {
  expect(PYODIDE_MODULES_VERSION).toBe(PYODIDE_VERSION);
  const runtimeRequire = createRequire(createRequire(import.meta.url).resolve('@pyodocs/runtime/package.json'));
  const {loadPyodide} = (await import(pathToFileURL(runtimeRequire.resolve('pyodide/pyodide.mjs')).href)) as {
    loadPyodide(): Promise<{runPython(code: string): string}>;
  };
  const pyodide = await loadPyodide();
  const script = readFileSync(new URL('../scripts/pyodide_modules.py', import.meta.url), 'utf8');
  const real = JSON.parse(pyodide.runPython(script)) as string[];
  expect(Array.from(PYODIDE_MODULES)).toEqual(real);
  // What the list is for: the standard library and Pyodide's own need no package...
  for (const name of ['json', 'asyncio', 'sqlite3', 'js', 'pyodide']) expect(PYODIDE_MODULES.has(name)).toBe(true);
  // ...but a standard module Pyodide moved into its lock file does, and one it left out is nowhere.
  expect(PYODIDE_MODULES.has('pydoc_data')).toBe(false);
  expect(PYODIDE_MODULES.has('tkinter')).toBe(false);
});
