import {expect, test} from 'vitest';
import * as remark from '../src/index.js';

test('the package exports exactly its public API', () => {
  expect(Object.keys(remark).sort()).toEqual([
    'default',
    'expressionAttribute',
    'findImports',
    'insertComponentImport',
    'isMystNotebookFrontMatter',
    'mystProseSource',
    'parseFenceMeta',
    'remarkPythonCells',
    'removedHeadingIds',
    'usesMystMarkdown',
  ]);
  expect(remark.default).toBe(remark.remarkPythonCells);
});
