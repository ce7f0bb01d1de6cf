import {cpSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, expect, inject, test} from 'vitest';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {TMP_DIR} from '../src/paths.js';

// The JupyterLite plugin stops `docusaurus build` before any compiling, with
// a message that says what to do, when the site source is unusable; and says
// so when it cannot share the site's Pyodide with the kernel.

afterAll(removeFixtureCopies);

function build(site: string, options: object) {
  return buildSite(site, path.join(TMP_DIR, 'lite-fixture-build'), {
    env: {PYODOCS_LITE_OPTIONS: JSON.stringify(options)},
  });
}

async function buildWith(options: object) {
  const result = await build(fixtureCopy('jupyterlite-site'), options);
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

// One build for both warnings (each is a full build): a prebuilt lite site
// whose kernel expects another Pyodide and which has only the REPL app.
test('warnings, not failures: a kernel expecting another Pyodide major version (lite settings left alone), and Open in JupyterLite without a notebooks or lab app', async () => {
  const site = fixtureCopy('jupyterlite-site');
  // The website's JupyterLite site, made to look like a kernel built for Pyodide 0.27, with the REPL alone.
  const prebuilt = path.join(site, 'old-repl-only-lite');
  cpSync(path.join(inject('websiteBuildDir'), 'lite'), prebuilt, {recursive: true});
  const schema = path.join(
    prebuilt,
    'extensions/@jupyterlite/pyodide-kernel-extension/static/schema/kernel.v0.schema.json',
  );
  writeFileSync(schema, readFileSync(schema, 'utf8').replace(/pyodide\/v314\.[^/]+\//g, 'pyodide/v0.27.7/'));
  const configFile = path.join(prebuilt, 'jupyter-lite.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  delete config['jupyter-config-data'].litePluginSettings;
  writeFileSync(configFile, JSON.stringify(config));
  for (const app of ['lab', 'notebooks', 'tree', 'edit', 'consoles'])
    rmSync(path.join(prebuilt, app), {recursive: true, force: true});

  const result = await build(site, {prebuilt: 'old-repl-only-lite'});
  expect(result.code, result.output).toBe(0);
  expect(result.output).toMatch(
    /Warning: the JupyterLite site keeps its own Pyodide settings because its Pyodide kernel expects Pyodide 0\.27\.7 but the site ships 314\.\d+\.\d+/,
  );
  const built = JSON.parse(readFileSync(path.join(TMP_DIR, 'lite-fixture-build', 'lite', 'jupyter-lite.json'), 'utf8'));
  expect(built['jupyter-config-data'].litePluginSettings).toBeUndefined();
  expect(result.output).toContain(
    'Warning: openInJupyterLite is on, but the JupyterLite site has neither the notebooks nor the lab app (it has: repl)',
  );
}, 300_000);
