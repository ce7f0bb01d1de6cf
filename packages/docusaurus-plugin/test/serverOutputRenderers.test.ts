import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {PassThrough} from 'node:stream';
import {text} from 'node:stream/consumers';
import {createElement, type FunctionComponent, type ReactNode} from 'react';
import {renderToPipeableStream} from 'react-dom/server';
import {afterAll, expect, test} from 'vitest';
import type webpack from 'webpack';
import {outputRendererFiles, ServerOutputRenderersPlugin} from '../src/serverOutputRenderers.js';
import {reactLibFiles} from '../src/serverStandIns.js';
import {bundleFolder, compileServerBundle} from './support/serverBundle.js';

const require = createRequire(import.meta.url);
const {work, remove} = bundleFolder('pyodocs-server-outputs-');
afterAll(remove);

test("the output renderers are @pyodocs/react's files as built (a rename would silently keep them in the server bundle)", () => {
  const files = outputRendererFiles();
  expect(files).toHaveLength(2);
  for (const file of files) expect(existsSync(file), file).toBe(true);
});

/** `@pyodocs/react`'s output area compiled for Node as Docusaurus's server compilation does, with or without the plugin. */
async function serverBundle(name: string, plugins: webpack.WebpackPluginInstance[]) {
  const [outputArea] = reactLibFiles(['output/PythonCellOutput.js']);
  const source = `export {PythonCellOutput} from ${JSON.stringify(outputArea)};\n`;
  const {file, modules} = await compileServerBundle(work, name, source, plugins);
  const {PythonCellOutput} = require(file) as {
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
    /rendered cell outputs while it was built.*\{\/\* @theme\/PythonCell \*\/\}/s,
  );
});
