import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, test} from 'vitest';
import {checkLiteSite} from '../src/liteSite/checkLiteSite.js';
import {prepareLiteSite, type PrepareLiteSiteInput} from '../src/liteSite/prepareLiteSite.js';

// The real `jupyter lite` CLI: from PYODOCS_JUPYTER, else the repo venv that
// `.ci/run` / the website's scripts create with pyodocs-jupyterlite-setup.
const repoVenv = fileURLToPath(new URL('../../../.cache/jupyterlite-venv/bin/jupyter', import.meta.url));
const jupyter = process.env['PYODOCS_JUPYTER'] ?? repoVenv;

function input(siteDir: string, cacheDir: string, source: PrepareLiteSiteInput['source']): PrepareLiteSiteInput {
  return {siteDir, source, cacheDir, jupyter, python: undefined, pyodide: undefined, cacheKeyExtra: ['/lite/']};
}

test('builds with `jupyter lite build`, reuses the result while inputs are unchanged, rebuilds when contents change', async () => {
  const siteDir = mkdtempSync(path.join(tmpdir(), 'lite-site-'));
  const cacheDir = path.join(siteDir, 'cache');
  mkdirSync(path.join(siteDir, 'notebooks'));
  writeFileSync(path.join(siteDir, 'notebooks', 'hello.py'), 'print("hello")\n');
  const source = {build: {contents: ['notebooks'], apps: ['repl', 'notebooks']}};

  const first = await prepareLiteSite(input(siteDir, cacheDir, source));
  expect(first.reused).toBe(false);
  expect(() => checkLiteSite(first.dir, 'built')).not.toThrow();
  expect(first.apps.sort()).toEqual(['notebooks', 'repl']);
  expect(existsSync(path.join(first.dir, 'files', 'hello.py'))).toBe(true);
  const config = JSON.parse(readFileSync(path.join(first.dir, 'jupyter-lite.json'), 'utf8'));
  expect(config['jupyter-config-data'].exposeAppInBrowser).toBe(true);

  const again = await prepareLiteSite(input(siteDir, cacheDir, source));
  expect(again).toMatchObject({dir: first.dir, reused: true});

  writeFileSync(path.join(siteDir, 'notebooks', 'hello.py'), 'print("changed")\n');
  const changed = await prepareLiteSite(input(siteDir, cacheDir, source));
  expect(changed.reused).toBe(false);
  expect(changed.dir).not.toBe(first.dir);
  expect(readFileSync(path.join(changed.dir, 'files', 'hello.py'), 'utf8')).toContain('changed');
  // Only the current site is kept, and no temporary folder is left behind.
  expect(readdirSync(cacheDir)).toEqual([path.basename(changed.dir)]);

  // The built site works as a prebuilt source too, and is copied, never modified.
  const prebuiltDir = path.join(siteDir, 'prebuilt');
  cpSync(changed.dir, prebuiltDir, {recursive: true});
  const before = readFileSync(path.join(prebuiltDir, 'jupyter-lite.json'), 'utf8');
  const prebuilt = await prepareLiteSite(input(siteDir, path.join(siteDir, 'cache2'), {prebuilt: 'prebuilt'}));
  expect(prebuilt.dir).not.toBe(prebuiltDir);
  expect(readFileSync(path.join(prebuiltDir, 'jupyter-lite.json'), 'utf8')).toBe(before);
}, 180_000);

test('a missing contents entry is named before anything runs', async () => {
  const siteDir = mkdtempSync(path.join(tmpdir(), 'lite-site-'));
  await expect(
    prepareLiteSite(input(siteDir, path.join(siteDir, 'cache'), {build: {contents: ['nope'], apps: ['repl']}})),
  ).rejects.toThrow('The "build.contents" entry "nope" does not exist');
});
