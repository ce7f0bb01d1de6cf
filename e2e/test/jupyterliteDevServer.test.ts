import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {startDevServer, type DevServer} from '../src/devServer.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {REPO_DIR} from '../src/paths.js';

// `docusaurus start` builds the JupyterLite site with the real CLI (the repo
// venv that .ci/run makes, or PYODOCS_JUPYTER) and serves it under /lite/,
// from memory; a changed notebook file is rebuilt and served without a restart.

const JUPYTER = process.env['PYODOCS_JUPYTER'] ?? path.join(REPO_DIR, '.cache', 'jupyterlite-venv', 'bin', 'jupyter');

let devServer: DevServer | undefined;
afterAll(() => {
  devServer?.stop();
  removeFixtureCopies();
});

test('docusaurus start builds and serves the JupyterLite site, and rebuilds it when a contents file changes', async () => {
  const site = fixtureCopy('jupyterlite-site');
  mkdirSync(path.join(site, 'notebooks'));
  writeFileSync(path.join(site, 'notebooks', 'hello.py'), 'print("first version")\n');
  // sharePyodide off: that step is covered by the website build and needs PyPI once.
  const options = {build: {contents: ['notebooks']}, jupyter: JUPYTER, sharePyodide: false};
  devServer = await startDevServer(site, {PYODOCS_LITE_OPTIONS: JSON.stringify(options)});
  const base = devServer.url;

  const repl = await fetch(`${base}/lite/repl/index.html`);
  expect(repl.status).toBe(200);
  expect(await repl.text()).toContain('jupyter-config-data');
  const config = (await (await fetch(`${base}/lite/jupyter-lite.json`)).json()) as {
    'jupyter-config-data': {appVersion: string; exposeAppInBrowser: boolean};
  };
  expect(config['jupyter-config-data'].appVersion).toBe('0.8.6');
  expect(config['jupyter-config-data'].exposeAppInBrowser).toBe(true);
  const configUtils = await fetch(`${base}/lite/config-utils.js`);
  expect(configUtils.status).toBe(200);
  expect(configUtils.headers.get('content-type')).toMatch(/javascript/);
  expect(await (await fetch(`${base}/lite/files/hello.py`)).text()).toContain('first version');

  writeFileSync(path.join(site, 'notebooks', 'hello.py'), 'print("second version")\n');
  await expect
    .poll(async () => (await fetch(`${base}/lite/files/hello.py`)).text(), {timeout: 120_000, interval: 1000})
    .toContain('second version');
}, 300_000);
