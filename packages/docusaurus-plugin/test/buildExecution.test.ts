import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {ExecutedOutput} from '@pyodocs/build';
import {createHtmlSanitizer} from '@pyodocs/react/sanitizeHtml';
import {remarkPythonCells} from '@pyodocs/remark';
import {JSDOM} from 'jsdom';
import type {Code, Root} from 'mdast';
import {VFile} from 'vfile';
import {afterAll, describe, expect, test} from 'vitest';
import {BuildExecution} from '../src/execution/BuildExecution.js';
import {toBuildOutputs} from '../src/execution/buildOutputs.js';
import {DEFAULT_OPTIONS, type ExecuteOptions} from '../src/options.js';

type Mode = ExecuteOptions['mode'];

/** The page pass on a page of python fences (meta as written) with `pyodide.execute` in its front matter. */
function pageManifest(fences: string[], pageMode?: Mode) {
  const tree: Root = {
    type: 'root',
    children: fences.map((meta, index): Code => ({type: 'code', lang: 'python', meta, value: `x${index} = ${index}`})),
  };
  const file = new VFile({value: '', path: '/site/docs/page.mdx', cwd: '/site'});
  file.data.frontMatter = pageMode === undefined ? {} : {pyodide: {execute: pageMode}};
  remarkPythonCells({runnable: 'marked'})(tree, file);
  const manifest = file.data.pyodocs;
  if (manifest === undefined) throw new Error('the page pass left no manifest');
  return manifest;
}

function execution(siteMode: Mode): BuildExecution {
  return new BuildExecution({
    execute: {...DEFAULT_OPTIONS.execute, mode: siteMode},
    packages: DEFAULT_OPTIONS.packages,
    siteDir: '/site',
    baseUrl: '/',
  });
}

describe('BuildExecution.cellsToRun: a cell’s execute= wins over its page’s front matter, which wins over the site', () => {
  test.each<{title: string; site: Mode; page?: Mode; fences: string[]; modes: Mode[] | undefined}>([
    {title: 'site off: nothing runs', site: 'off', fences: ['run', 'run'], modes: undefined},
    {title: 'site cache: every cell in cache mode', site: 'cache', fences: ['run', 'run'], modes: ['cache', 'cache']},
    {title: 'site force', site: 'force', fences: ['run'], modes: ['force']},
    {
      title: 'front matter turns a page on',
      site: 'off',
      page: 'cache',
      fences: ['run', 'run'],
      modes: ['cache', 'cache'],
    },
    {title: 'front matter turns a page off', site: 'cache', page: 'off', fences: ['run', 'run'], modes: undefined},
    {
      title: 'a cell runs on a page turned off',
      site: 'cache',
      page: 'off',
      fences: ['run', 'run execute=force'],
      modes: ['off', 'force'],
    },
    {
      title: 'a cell turns itself off on a forced page',
      site: 'cache',
      page: 'force',
      fences: ['run execute=off', 'run'],
      modes: ['off', 'force'],
    },
    {
      title: 'a cell runs on a site that runs nothing',
      site: 'off',
      fences: ['run', 'run execute=cache'],
      modes: ['off', 'cache'],
    },
    {
      title: 'every cell off on a site that runs: nothing runs',
      site: 'force',
      fences: ['run execute=off'],
      modes: undefined,
    },
  ])('$title', ({site, page, fences, modes}) => {
    const manifest = pageManifest(fences, page);
    const cells = execution(site).cellsToRun(manifest);
    expect(cells?.map((cell) => cell.execute)).toEqual(modes);
    // The manifest itself is left as it was.
    if (cells !== undefined) expect(cells.map((cell) => cell.id)).toEqual(manifest.cells.map((cell) => cell.id));
  });
});

describe('toBuildOutputs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyodocs-build-outputs-'));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  const files = {dir, publicPath: '/docs/pyodocs/outputs/'};
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const pngBase64 = PNG.toString('base64');
  const keep = (html: string) => html;

  test('streams and errors pass as they are', () => {
    const outputs: ExecutedOutput[] = [
      {kind: 'stream', name: 'stdout', text: 'hi\n'},
      {kind: 'error', error: {ename: 'ValueError', evalue: 'no', traceback: 'Traceback …\nValueError: no'}},
    ];
    expect(toBuildOutputs(outputs, files, keep)).toEqual({outputs, fileNames: []});
  });

  test('an image becomes a file named by its content, referenced by URL; the bundle keeps the other types', () => {
    // Base64 as Python wraps it (line breaks) decodes to the same bytes.
    const wrapped = `${pngBase64.slice(0, 8)}\n${pngBase64.slice(8)}`;
    const {outputs, fileNames} = toBuildOutputs(
      [
        {kind: 'display', data: {'image/png': wrapped, 'text/plain': '<Figure>'}, metadata: {'image/png': {width: 4}}},
        {kind: 'result', data: {'image/png': pngBase64}, metadata: {}},
      ],
      files,
      keep,
    );
    expect(fileNames).toHaveLength(2);
    expect(fileNames[0]).toMatch(/^[0-9a-f]{32}\.png$/);
    // The same figure twice is one file.
    expect(fileNames[1]).toBe(fileNames[0]);
    expect(readdirSync(dir)).toEqual([fileNames[0]]);
    expect(readFileSync(path.join(dir, fileNames[0] ?? ''))).toEqual(PNG);
    expect(outputs[0]).toEqual({
      kind: 'display',
      data: {'image/png': '', 'text/plain': '<Figure>'},
      metadata: {'image/png': {width: 4}},
      urls: {'image/png': `/docs/pyodocs/outputs/${fileNames[0]}`},
    });
    expect(outputs[1]).toMatchObject({kind: 'result', urls: {'image/png': `/docs/pyodocs/outputs/${fileNames[0]}`}});
  });

  test('JPEG and GIF are files too; SVG and other types stay in the bundle', () => {
    const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');
    const {outputs, fileNames} = toBuildOutputs(
      [
        {
          kind: 'display',
          data: {'image/jpeg': jpeg.toString('base64'), 'image/svg+xml': '<svg/>', 'application/json': {a: 1}},
          metadata: {},
        },
      ],
      files,
      keep,
    );
    expect(fileNames).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.jpg$/)]);
    expect(outputs[0]).toMatchObject({data: {'image/jpeg': '', 'image/svg+xml': '<svg/>', 'application/json': {a: 1}}});
  });

  test('HTML goes through the sanitizer and is marked sanitized, keeping its own metadata', () => {
    const sanitize = createHtmlSanitizer(new JSDOM('').window as unknown as Parameters<typeof createHtmlSanitizer>[0]);
    const {outputs} = toBuildOutputs(
      [
        {
          kind: 'result',
          data: {'text/html': '<b onclick="steal()">bold</b><script>alert(1)</script>', 'text/plain': 'B'},
          metadata: {'text/html': {isolated: false}},
        },
      ],
      files,
      sanitize,
    );
    const output = outputs[0];
    expect(output?.kind).toBe('result');
    if (output?.kind !== 'result') return;
    expect(output.data['text/html']).toBe('<b>bold</b>');
    expect(output.data['text/plain']).toBe('B');
    expect(output.metadata).toEqual({'text/html': {isolated: false, 'pyodocs:sanitized': true}});
    expect(output.urls).toBeUndefined();
  });
});
