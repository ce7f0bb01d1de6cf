import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createElement, type FunctionComponent, type ReactNode} from 'react';
import {PassThrough} from 'node:stream';
import {text} from 'node:stream/consumers';
import {renderToPipeableStream} from 'react-dom/server';
import {afterAll, expect, test} from 'vitest';
import webpack from 'webpack';
import {realPackageFolder} from '../src/precompiledPackages.js';
import {outputRendererFiles, ServerOutputRenderersPlugin} from '../src/serverOutputRenderers.js';

const require = createRequire(import.meta.url);
const work = mkdtempSync(path.join(tmpdir(), 'pyodocs-server-outputs-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

test("the output renderers are @pyodocs/react's files as built (a rename would silently keep them in the server bundle)", () => {
  const files = outputRendererFiles();
  expect(files).toHaveLength(2);
  for (const file of files) expect(existsSync(file), file).toBe(true);
});

/** `@pyodocs/react`'s output area compiled for Node as Docusaurus's server compilation does, with or without the plugin. */
async function serverBundle(name: string, plugins: webpack.WebpackPluginInstance[]) {
  const outputArea = path.join(realPackageFolder('@pyodocs/react'), 'lib', 'output', 'PythonCellOutput.js');
  const entry = path.join(work, `${name}.mjs`);
  writeFileSync(entry, `export {PythonCellOutput} from ${JSON.stringify(outputArea)};\n`);
  // One React for the bundle and the test's renderer.
  const react = (request: string) => `commonjs ${require.resolve(request)}`;
  const compiler = webpack({
    mode: 'production',
    target: 'node',
    context: work,
    entry,
    externals: {react: react('react'), 'react/jsx-runtime': react('react/jsx-runtime')},
    output: {path: path.join(work, 'out'), filename: `${name}.cjs`, library: {type: 'commonjs2'}},
    optimization: {minimize: false},
    plugins: [new webpack.optimize.LimitChunkCountPlugin({maxChunks: 1}), ...plugins],
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  expect(stats.hasErrors(), stats.toString('errors-only')).toBe(false);
  expect(stats.hasWarnings(), stats.toString('errors-warnings')).toBe(false);
  // By resource (a replaced module keeps the name of its request).
  const modules = stats.toJson({modules: true, nestedModules: true}).modules?.flatMap(moduleResources) ?? [];
  const {PythonCellOutput} = require(path.join(work, 'out', `${name}.cjs`)) as {
    PythonCellOutput: FunctionComponent<{outputs: object[]; labels: object}>;
  };
  const render = (outputs: object[]) =>
    renderToHtml(createElement(PythonCellOutput, {outputs, labels: {output: 'Output'}}));
  return {modules, render};
}

/** As Docusaurus renders a page (its renderToHtml.js): any error, in a Suspense boundary too, fails the page. */
function renderToHtml(app: ReactNode): Promise<string> {
  return new Promise((resolve, reject) => {
    const passThrough = new PassThrough();
    const {pipe} = renderToPipeableStream(app, {
      onError: reject,
      onAllReady() {
        pipe(passThrough);
        text(passThrough).then(resolve, reject);
      },
    });
  });
}

function moduleResources(module: webpack.StatsModule): string[] {
  return [module.nameForCondition ?? '', ...(module.modules ?? []).flatMap(moduleResources)];
}

const RENDERERS = /output\/(OutputBlocks|AnsiSegments)\.js|katex|marked|dompurify|anser/;
const stream = {kind: 'stream', name: 'stdout', text: 'hello\n'};

test('without the plugin, the server bundle renders outputs with the renderers', async () => {
  const {modules, render} = await serverBundle('with-renderers', []);
  expect(modules.filter((name) => RENDERERS.test(name)).length).toBeGreaterThan(0);
  expect(await render([stream])).toContain('hello');
});

test('with it, the renderers are left out: an output area without outputs renders as before, one with outputs fails with the stand-in', async () => {
  const {modules, render} = await serverBundle('without-renderers', [new ServerOutputRenderersPlugin()]);
  expect(modules.filter((name) => RENDERERS.test(name))).toEqual([]);
  expect(modules.some((name) => name.endsWith('outputRenderersOnServer.mjs'))).toBe(true);
  const {render: renderWith} = await serverBundle('with-renderers-again', []);
  expect(await render([])).toBe(await renderWith([]));
  expect(await render([])).toContain('data-pyodocs-output');
  await expect(render([stream])).rejects.toThrow(
    /rendered cell outputs while it was built.*pyodide: \{execute: off\}/s,
  );
});
