import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {DOCUSAURUS_BIN, runCommand} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {TMP_DIR} from '../src/paths.js';

// The JupyterLite plugin stops `docusaurus build` before any compiling, with
// a message that says what to do, when the site source is unusable.

afterAll(removeFixtureCopies);

async function buildWith(options: object) {
  const site = fixtureCopy('jupyterlite-site');
  const result = await runCommand(
    process.execPath,
    [DOCUSAURUS_BIN, 'build', site, '--out-dir', path.join(TMP_DIR, 'lite-error-build')],
    {cwd: site, env: {NODE_ENV: 'production', PYODOCS_LITE_OPTIONS: JSON.stringify(options)}},
  );
  expect(result.code).not.toBe(0);
  return result.output;
}

test('a missing jupyter CLI names the exact pip install', async () => {
  const output = await buildWith({build: {contents: []}, jupyter: '/nonexistent/bin/jupyter'});
  expect(output).toContain('"/nonexistent/bin/jupyter" was not found');
  expect(output).toContain('pip install jupyterlite-core==0.8.6 jupyterlite-pyodide-kernel==0.8.6 jupyter-server');
});

test('a missing prebuilt folder is named', async () => {
  const output = await buildWith({prebuilt: 'no-such-lite-output'});
  expect(output).toMatch(/The JupyterLite folder "no-such-lite-output" does not exist \(.*no-such-lite-output\)/);
});

test('a folder that is not a JupyterLite site says so and what it lacks', async () => {
  const output = await buildWith({prebuilt: 'not-a-lite-site'});
  expect(output).toContain('The folder "not-a-lite-site"');
  expect(output).toContain('is not a JupyterLite site: it has no jupyter-lite.json, no config-utils.js');
});
