import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {startDevServer, type DevServer} from '../src/devServer.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';

// `docusaurus start` serves the self-hosted Pyodide files and our worker, so
// cells run in development exactly as in the built site.

let devServer: DevServer | undefined;
afterAll(() => {
  devServer?.stop();
  removeFixtureCopies();
});

test('docusaurus start serves the Pyodide runtime files and the worker', async () => {
  const site = fixtureCopy('minimal-site');
  devServer = await startDevServer(site);
  const base = devServer.url;

  // The plugin's global data names the URLs the browser will use.
  const globalData = JSON.parse(readFileSync(path.join(site, '.docusaurus', 'globalData.json'), 'utf8')) as Record<
    string,
    Record<string, {config: {indexURL: string; workerUrl: string}}>
  >;
  const {indexURL, workerUrl} = globalData['docusaurus-plugin-pyodocs']!['default']!.config;
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
