import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {createElement, Suspense} from 'react';
import type {LoaderContext} from 'webpack';
import {afterAll, expect, test} from 'vitest';
import inlineSuspenseBoundaries, {inlineSuspenseBoundariesRule} from '../src/staticHtml/inlineSuspenseBoundaries.js';

const require = createRequire(import.meta.url);
const DOCUSAURUS_RENDER_TO_HTML = path.join(
  path.dirname(require.resolve('@docusaurus/core/package.json')),
  'lib',
  'client',
  'renderToHtml.js',
);
// Beside the tests, so that the renderers' `react-dom/server` resolves.
const workDir = mkdtempSync(path.join(import.meta.dirname, '.tmp-render-'));
afterAll(() => rmSync(workDir, {recursive: true, force: true}));

function runLoader(source: string, resourcePath = DOCUSAURUS_RENDER_TO_HTML) {
  const warnings: Error[] = [];
  const context = {resourcePath, emitWarning: (error: Error) => warnings.push(error)} as unknown as LoaderContext<
    Record<string, never>
  >;
  return {code: inlineSuspenseBoundaries.call(context, source) as string, warnings};
}

/** Docusaurus's renderToHtml (as it is, or through the loader) as a module of its own; its render of a page. */
async function render(source: string, name: string): Promise<string> {
  const file = path.join(workDir, `${name}.mjs`);
  writeFileSync(file, source);
  const {renderToHtml} = (await import(pathToFileURL(file).href)) as {renderToHtml(app: unknown): Promise<string>};
  // A page as Docusaurus's are: a shell over 12.8 kB (navbar, sidebar), then a cell of a few kB in its Suspense boundary.
  const cell = createElement('pre', {'data-cell': ''}, 'print(1)\n'.repeat(300));
  return renderToHtml(
    createElement('main', null, createElement('nav', null, 'link '.repeat(3000)), createElement(Suspense, null, cell)),
  );
}

test('the rule takes Docusaurus’s renderer alone', () => {
  const rule = inlineSuspenseBoundariesRule();
  expect((rule.test as RegExp).test(DOCUSAURUS_RENDER_TO_HTML)).toBe(true);
  expect((rule.test as RegExp).test(path.join('/site', 'src', 'renderToHtml.js'))).toBe(false);
});

test('pages rendered by the patched renderer hold their Suspense boundaries in place, not hidden for a script', async () => {
  const original = readFileSync(DOCUSAURUS_RENDER_TO_HTML, 'utf8');
  const {code, warnings} = runLoader(original);
  expect(warnings).toEqual([]);
  expect(code).toContain('progressiveChunkSize: Number.POSITIVE_INFINITY');

  const before = await render(original, 'original');
  // Why the loader exists: React 19.2+ outlines the boundary (hidden without JavaScript).
  expect(before).toContain('<div hidden id="S:0">');
  const after = await render(code, 'patched');
  expect(after).not.toContain('hidden id="S:');
  expect(after).not.toContain('<script>');
  expect(after).toMatch(/<!--\$--><pre data-cell="">/);
});

test('a renderer that changed is left as it is, with a warning; one that sets the option itself is left alone', () => {
  const changed = runLoader('export function renderToHtml(app) { return renderToString(app); }');
  expect(changed.code).toBe('export function renderToHtml(app) { return renderToString(app); }');
  expect(changed.warnings.map((warning) => warning.message)).toEqual([
    expect.stringContaining('may be hidden from readers without JavaScript'),
  ]);
  const fixed = 'renderToPipeableStream(app, {progressiveChunkSize: 1e9, onAllReady() {}})';
  expect(runLoader(fixed)).toEqual({code: fixed, warnings: []});
});
