import {createRequire} from 'node:module';
import {PYODIDE_VERSION} from '@pyodocs/runtime';
import {expect, test} from 'vitest';
import {pinnedPyodideLock} from '../src/packages/pinnedPyodideLock.js';

test('the lock bundles resolve against is the one of the Pyodide the runtime pins', () => {
  const runtimeRequire = createRequire(createRequire(import.meta.url).resolve('@pyodocs/runtime/package.json'));
  expect((runtimeRequire('pyodide/package.json') as {version: string}).version).toBe(PYODIDE_VERSION);
  const lock = pinnedPyodideLock();
  expect(lock.info).toMatchObject({abi_version: '2026_0', python: '3.14.2'});
  expect(lock.packages.numpy?.file_name).toMatch(/^numpy-.*-cp314-cp314-pyemscripten_2026_0_wasm32\.whl$/);
});
