import {describeCellFailure, type ExecutableCell} from '@pyodocs/build';
import {remarkPythonCells} from '@pyodocs/remark';
import type {Code, Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {VFile} from 'vfile';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {BuildExecution, type PageBuildOutputs} from '../src/execution/BuildExecution.js';
import {remarkBuildOutputs} from '../src/execution/remarkBuildOutputs.js';
import {DEFAULT_OPTIONS, type ExecuteOptions} from '../src/options.js';

// What remarkBuildOutputs does with what a page's execution gave (the
// execution itself — Pyodide under Node — is tested by @pyodocs/build and
// the e2e execute fixture): outputs onto the elements, failures into one
// build error, or warnings with onError: 'warn'.

const SOURCE = '# Page\n\n```python run id=fine\nx = 1\n```\n\n```python run id=broken\nundefined_name\n```\n';

/** A BuildExecution whose pages "ran" as given: `fine` printed, `broken` raised a NameError. */
class RanExecution extends BuildExecution {
  override async runPage(_page: unknown, cells: ExecutableCell[], source: string): Promise<PageBuildOutputs> {
    const broken = cells.find((cell) => cell.id === 'broken') as ExecutableCell;
    const traceback =
      'Traceback (most recent call last):\n  File "<cell broken>", line 1, in <module>\nNameError: name \'undefined_name\' is not defined\n';
    const error = {ename: 'NameError', evalue: "name 'undefined_name' is not defined", traceback};
    const failure = describeCellFailure(
      broken,
      {status: 'error', outputs: [{kind: 'error', error}], error, durationMs: 1, fromCache: false},
      source,
    );
    return {
      outputs: new Map([
        ['fine', [{kind: 'stream', name: 'stdout', text: 'fine\n'}]],
        ['broken', [{kind: 'error', error}]],
      ]),
      fileNames: [],
      failures: failure ? [{cell: broken, failure}] : [],
    };
  }
}

function page(): {tree: Root; file: VFile} {
  const fences: Code[] = [
    {type: 'code', lang: 'python', meta: 'run id=fine', value: 'x = 1', position: at(3)},
    {type: 'code', lang: 'python', meta: 'run id=broken', value: 'undefined_name', position: at(7)},
  ];
  const file = new VFile({value: SOURCE, path: '/site/docs/page.mdx', cwd: '/site'});
  file.data.frontMatter = {};
  return {tree: {type: 'root', children: fences}, file};
}

function at(line: number) {
  return {start: {line, column: 1, offset: 0}, end: {line: line + 2, column: 4, offset: 0}};
}

async function run(onError: ExecuteOptions['onError']): Promise<{tree: Root; file: VFile}> {
  const execution = new RanExecution({
    execute: {...DEFAULT_OPTIONS.execute, mode: 'cache', onError},
    packages: DEFAULT_OPTIONS.packages,
    siteDir: '/site',
    baseUrl: '/',
  });
  const {tree, file} = page();
  remarkPythonCells({runnable: 'marked'})(tree, file);
  await remarkBuildOutputs({execution, elementNames: ['PyodocsPythonCell']})(tree, file);
  return {tree, file};
}

const outputsOf = (tree: Root, id: string) => {
  const element = tree.children.find(
    (node): node is MdxJsxFlowElement =>
      node.type === 'mdxJsxFlowElement' &&
      node.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.value === id),
  );
  const outputs = element?.attributes.find(
    (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'outputs',
  );
  return typeof outputs?.value === 'object' && outputs.value !== null ? JSON.parse(outputs.value.value) : undefined;
};

describe('remarkBuildOutputs', () => {
  afterEach(() => vi.restoreAllMocks());

  test("onError 'fail': one error for the page, at the failing line, with the traceback, the hint and the way out", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = await run('fail').then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({
      ruleId: 'pyodocs:cell-failed-at-build',
      source: 'pyodocs',
      line: 8,
      column: 1,
    });
    const reason = (error as {reason: string}).reason;
    expect(reason.split('\n')).toEqual([
      '1 cell failed at build:',
      "docs/page.mdx:8:1: this cell raised NameError: name 'undefined_name' is not defined when the docs were built.",
      '    Traceback (most recent call last):',
      '      File "<cell broken>", line 1, in <module>',
      "    NameError: name 'undefined_name' is not defined",
      'If the cell is meant to raise, mark it with the `raises-exception` flag in its fence meta (the `raises-exception` tag in a MyST notebook): it then passes and shows the error.',
      "(Set the plugin option execute.onError: 'warn' to build anyway.)",
    ]);
  });

  test("onError 'warn': the page builds with every cell's outputs, the failure is a warning", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const {tree} = await run('warn');
    expect(outputsOf(tree, 'fine')).toEqual([{kind: 'stream', name: 'stdout', text: 'fine\n'}]);
    expect(outputsOf(tree, 'broken')).toMatchObject([{kind: 'error', error: {ename: 'NameError'}}]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /^\[pyodocs\] Warning: docs\/page\.mdx:8:1: this cell raised NameError: name 'undefined_name' is not defined when the docs were built\./,
    );
  });
});
