import type {Root} from 'mdast';
import {VFile} from 'vfile';
import {expect, test} from 'vitest';
import {remarkCellsNotScanned} from '../src/siteScan/remarkCellsNotScanned.js';

const tree: Root = {type: 'root', children: []};

test('a cell the scan before the build missed fails the page at its place, with a way forward', () => {
  const file = new VFile({path: '/site/docs/intro.mdx', value: ''});
  file.data.pyodocs = {cells: [{position: {line: 7, column: 1}}]} as unknown as NonNullable<typeof file.data.pyodocs>;
  expect(() => remarkCellsNotScanned()(tree, file)).toThrow(/the scan of the site before the build found none/);
  expect(file.messages[0]?.place).toEqual({line: 7, column: 1});
  expect(file.messages[0]?.message).toContain('{/* @theme/PythonCell */}');
});

test('a page without cells passes', () => {
  const file = new VFile({path: '/site/docs/intro.mdx', value: ''});
  file.data.pyodocs = {cells: []} as unknown as NonNullable<typeof file.data.pyodocs>;
  expect(() => remarkCellsNotScanned()(tree, file)).not.toThrow();
  expect(() => remarkCellsNotScanned()(tree, new VFile())).not.toThrow();
});
