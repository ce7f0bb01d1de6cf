import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {afterAll, expect, test} from 'vitest';
import {BrowserOnlyModulesPlugin, browserOnlyModuleFiles} from '../src/browserOnlyModules.js';
import {bundleFolder, compileServerBundle} from './support/serverBundle.js';

const {work, remove} = bundleFolder('pyodocs-browser-only-');
afterAll(remove);

test("the browser-only modules are @pyodocs/react's files as built (a rename would silently keep them in the server bundle)", () => {
  const files = browserOnlyModuleFiles();
  expect(files).toHaveLength(5);
  for (const file of files) expect(existsSync(file), file).toBe(true);
});

test('a bundle that dynamically imports one gets the stand-in, which throws only if imported', async () => {
  const [liveCode] = browserOnlyModuleFiles();
  const {file, modules} = await compileServerBundle(
    work,
    'main',
    `export const load = () => import(${JSON.stringify(liveCode)});\n`,
    [new BrowserOnlyModulesPlugin()],
  );
  expect(modules.some((name) => name.endsWith('browserOnlyOnServer.cjs'))).toBe(true);
  expect(modules.filter((name) => /liveCode|@pyodocs\/runtime|packages\/runtime/.test(name))).toEqual([]);
  expect(readFileSync(file, 'utf8')).toContain('browser-only code while rendering on the server');
  // Loading the bundle runs nothing of it; the import does, and fails with the stand-in's message.
  const {load} = createRequire(import.meta.url)(file) as {load: () => Promise<unknown>};
  await expect(load()).rejects.toThrow(/browser-only code while rendering on the server/);
});
