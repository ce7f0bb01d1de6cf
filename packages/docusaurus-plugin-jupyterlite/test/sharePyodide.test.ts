import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';
import {KERNEL_EXTENSION_DIR} from '../src/liteSite/checkLiteSite.js';
import {expectedKernelPyodide, sharePyodide} from '../src/liteSite/sharePyodide.js';

/** A lite site whose kernel schema defaults to the given Pyodide version, as jupyterlite-pyodide-kernel ships it. */
function siteExpecting(version: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lite-share-'));
  const schemaDir = path.join(dir, KERNEL_EXTENSION_DIR, 'static', 'schema');
  mkdirSync(schemaDir, {recursive: true});
  writeFileSync(
    path.join(schemaDir, 'kernel.v0.schema.json'),
    JSON.stringify({
      properties: {pyodideUrl: {default: `https://cdn.jsdelivr.net/pyodide/v${version}/full/pyodide.mjs`}},
    }),
  );
  writeFileSync(path.join(dir, 'jupyter-lite.json'), JSON.stringify({'jupyter-config-data': {appVersion: '0.8.6'}}));
  return dir;
}

test("the kernel's expected Pyodide is read from its settings schema", () => {
  expect(expectedKernelPyodide(siteExpecting('314.0.6'))).toBe('314.0.6');
});

test('an incompatible kernel (other Pyodide major) is left alone, with the reason', async () => {
  const dir = siteExpecting('0.27.7');
  const before = readFileSync(path.join(dir, 'jupyter-lite.json'), 'utf8');
  const result = await sharePyodide(
    dir,
    {version: '314.0.7', dir: '/unused', url: '/pyodide/314.0.7/pyodide.mjs'},
    'python3',
    dir,
  );
  expect(result).toEqual({
    shared: false,
    reason:
      'its Pyodide kernel expects Pyodide 0.27.7 but the site ships 314.0.7 (different major version, so different ABI)',
  });
  expect(readFileSync(path.join(dir, 'jupyter-lite.json'), 'utf8')).toBe(before);
});

test('a site without the Pyodide kernel is left alone', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lite-share-'));
  const result = await sharePyodide(dir, {version: '314.0.7', dir: '/unused', url: '/x'}, 'python3', dir);
  expect(result).toMatchObject({shared: false, reason: expect.stringContaining('has no Pyodide kernel')});
});
