import {describe, expect, test} from 'vitest';
import {PYODIDE_RUNTIME_FILES, resolveRuntimeAssets, runtimeAssetsConsumer} from '../src/runtimeAssets.js';
import {recordAssets, siteWithCells} from './support/siteAssets.js';

const assets = resolveRuntimeAssets();

describe('runtime files in the build', () => {
  test('resolveRuntimeAssets: versioned Pyodide folder, worker named by its content hash', () => {
    expect(assets.pyodidePublicDir).toBe(`pyodide/${assets.pyodideVersion}/`);
    expect(assets.workerPublicPath).toMatch(/^pyodocs\/worker\.[0-9a-f]{10}\.js$/);
  });

  test('a site without cells gets none of them', async () => {
    const {assets: output, emitted} = recordAssets();
    await runtimeAssetsConsumer(assets, {selfHostPyodide: true, requiredBy: new Set()})(siteWithCells(0), output);
    expect(emitted.size).toBe(0);
  });

  test('a site with cells gets the worker and the Pyodide runtime files', async () => {
    const {assets: output, emitted} = recordAssets();
    await runtimeAssetsConsumer(assets, {selfHostPyodide: true, requiredBy: new Set()})(siteWithCells(2), output);
    expect(Array.from(emitted.keys()).sort()).toEqual(
      [assets.workerPublicPath, ...PYODIDE_RUNTIME_FILES.map((file) => `${assets.pyodidePublicDir}${file}`)].sort(),
    );
    expect(emitted.get(`${assets.pyodidePublicDir}pyodide.asm.wasm`)?.length).toBeGreaterThan(1_000_000);
  });

  test('Pyodide from elsewhere (pyodideBaseUrl): only the worker', async () => {
    const {assets: output, emitted} = recordAssets();
    await runtimeAssetsConsumer(assets, {selfHostPyodide: false, requiredBy: new Set()})(siteWithCells(1), output);
    expect(Array.from(emitted.keys())).toEqual([assets.workerPublicPath]);
  });

  test('no cells, but a sibling plugin serves Pyodide from these files (JupyterLite): the files are there', async () => {
    const {assets: output, emitted} = recordAssets();
    await runtimeAssetsConsumer(assets, {selfHostPyodide: true, requiredBy: new Set(['jupyterlite'])})(
      siteWithCells(0),
      output,
    );
    expect(emitted.size).toBe(1 + PYODIDE_RUNTIME_FILES.length);
  });
});
