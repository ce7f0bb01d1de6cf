import {spawn, type ChildProcess} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createServer} from 'node:net';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {DOCUSAURUS_BIN} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';

// `docusaurus start` serves the self-hosted Pyodide files and our worker, so
// cells run in development exactly as in the built site.

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
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`dev server did not answer ${url} within ${timeoutMs} ms:\n${log()}`);
}

test('docusaurus start serves the Pyodide runtime files and the worker', async () => {
  const site = fixtureCopy('minimal-site');
  const port = await freePort();
  let log = '';
  devServer = spawn(
    process.execPath,
    [DOCUSAURUS_BIN, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-open'],
    {cwd: site, env: {...process.env, BROWSER: 'none'}, stdio: ['ignore', 'pipe', 'pipe']},
  );
  devServer.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  devServer.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/`, 240_000, () => log);

  // The plugin's global data names the URLs the browser will use.
  const globalData = JSON.parse(readFileSync(path.join(site, '.docusaurus', 'globalData.json'), 'utf8')) as Record<
    string,
    Record<string, {indexURL: string; workerUrl: string}>
  >;
  const {indexURL, workerUrl} = globalData['docusaurus-plugin-pyodocs']!['default']!;
  expect(indexURL).toMatch(/^\/pyodide\/314\.\d+\.\d+\/$/);

  const wasm = await fetch(`${base}${indexURL}pyodide.asm.wasm`);
  expect(wasm.status).toBe(200);
  expect((await wasm.arrayBuffer()).byteLength).toBeGreaterThan(5_000_000);
  const mjs = await fetch(`${base}${indexURL}pyodide.mjs`);
  expect(mjs.status).toBe(200);
  expect(await mjs.text()).toContain('loadPyodide');
  const worker = await fetch(`${base}${workerUrl}`);
  expect(worker.status).toBe(200);
  expect(worker.headers.get('content-type')).toMatch(/javascript/);
}, 300_000);
