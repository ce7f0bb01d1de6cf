import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import webpack from 'webpack';
import {BrowserOnlyModulesPlugin, browserOnlyModuleFiles} from '../src/browserOnlyModules.js';

const work = mkdtempSync(path.join(tmpdir(), 'pyodocs-browser-only-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

test("the browser-only modules are @pyodocs/react's files as built (a rename would silently keep them in the server bundle)", () => {
  const files = browserOnlyModuleFiles();
  expect(files).toHaveLength(5);
  for (const file of files) expect(existsSync(file), file).toBe(true);
});

test('a bundle that dynamically imports one gets the stand-in, which throws only if imported', async () => {
  const [liveCode] = browserOnlyModuleFiles();
  const entry = path.join(work, 'entry.mjs');
  writeFileSync(entry, `export const load = () => import(${JSON.stringify(liveCode)});\n`);
  const compiler = webpack({
    mode: 'production',
    target: 'node',
    context: work,
    entry,
    output: {path: path.join(work, 'out'), filename: 'main.cjs', library: {type: 'commonjs2'}},
    optimization: {minimize: false},
    plugins: [new webpack.optimize.LimitChunkCountPlugin({maxChunks: 1}), new BrowserOnlyModulesPlugin()],
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  expect(stats.hasErrors(), stats.toString('errors-only')).toBe(false);
  expect(stats.hasWarnings(), stats.toString('errors-warnings')).toBe(false);
  const modules = stats.toJson({modules: true}).modules?.map((module) => module.name ?? '') ?? [];
  expect(modules.some((name) => name.endsWith('browserOnlyOnServer.cjs'))).toBe(true);
  expect(modules.filter((name) => /liveCode|@pyodocs\/runtime|packages\/runtime/.test(name))).toEqual([]);
  const bundle = path.join(work, 'out', 'main.cjs');
  expect(readFileSync(bundle, 'utf8')).toContain('browser-only code while rendering on the server');
  // Loading the bundle runs nothing of it; the import does, and fails with the stand-in's message.
  const {load} = createRequire(import.meta.url)(bundle) as {load: () => Promise<unknown>};
  await expect(load()).rejects.toThrow(/browser-only code while rendering on the server/);
});
