import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {DOCUSAURUS_BIN} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {REPO_DIR} from '../src/paths.js';

// `docusaurus start` builds the JupyterLite site with the real CLI (the repo
// venv that .ci/run makes, or PYODOCS_JUPYTER) and serves it under /lite/,
// from memory; a changed notebook file is rebuilt and served without a restart.

const JUPYTER = process.env['PYODOCS_JUPYTER'] ?? path.join(REPO_DIR, '.cache', 'jupyterlite-venv', 'bin', 'jupyter');

let devServer: ChildProcess | undefined;
afterAll(() => {
  devServer?.kill('SIGTERM');
  removeFixtureCopies();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`dev server did not answer ${url} within ${timeoutMs} ms:\n${log()}`);
}

test('docusaurus start builds and serves the JupyterLite site, and rebuilds it when a contents file changes', async () => {
  const site = fixtureCopy('jupyterlite-site');
  mkdirSync(path.join(site, 'notebooks'));
  writeFileSync(path.join(site, 'notebooks', 'hello.py'), 'print("first version")\n');
  // sharePyodide off: that step is covered by the website build and needs PyPI once.
  const options = {build: {contents: ['notebooks']}, jupyter: JUPYTER, sharePyodide: false};
  const port = await freePort();
  let log = '';
  devServer = spawn(
    process.execPath,
    [DOCUSAURUS_BIN, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-open'],
    {
      cwd: site,
      env: {...process.env, BROWSER: 'none', PYODOCS_LITE_OPTIONS: JSON.stringify(options)},
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  devServer.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  devServer.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/`, 240_000, () => log);

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
