/**
 * Import detection at build against the runtime's: for every snippet of the
 * corpus, `findImports` answers what Pyodide's own `pyodide.code.find_imports`
 * answers in the real Pyodide (the version the runtime pins), run in Node.
 */
import {loadPyodide} from 'pyodide';
import {beforeAll, describe, expect, test} from 'vitest';
import {findImports} from '../../src/imports/findImports.js';
import {IMPORT_CORPUS} from './importCorpus.js';

let pyodideAnswers: string[][] = [];

beforeAll(async () => {
  const pyodide = await loadPyodide();
  pyodide.globals.set('corpus', JSON.stringify(IMPORT_CORPUS.map((entry) => entry.transformed ?? entry.code)));
  const answers = pyodide.runPython(
    'import json\nfrom pyodide.code import find_imports\njson.dumps([find_imports(code) for code in json.loads(corpus)])',
  ) as string;
  pyodideAnswers = JSON.parse(answers) as string[][];
}, 300_000);

describe('findImports agrees with pyodide.code.find_imports', () => {
  test.each(IMPORT_CORPUS.map((entry, index) => [entry.title, index] as const))('%s', (_title, index) => {
    const entry = IMPORT_CORPUS[index]!;
    expect(findImports(entry.code)).toEqual(pyodideAnswers[index]);
  });

  test('the corpus has documentation code, syntax errors and IPython lines', () => {
    expect(IMPORT_CORPUS.length).toBeGreaterThanOrEqual(60);
    const withImports = pyodideAnswers.filter((answer) => answer.length > 0);
    const refused = IMPORT_CORPUS.filter(
      (entry, index) => /^\s*(from|import)\s/m.test(entry.code) && pyodideAnswers[index]?.length === 0,
    );
    expect(withImports.length).toBeGreaterThanOrEqual(40);
    expect(refused.length).toBeGreaterThanOrEqual(20);
    expect(IMPORT_CORPUS.filter((entry) => entry.transformed !== undefined).length).toBeGreaterThanOrEqual(5);
  });
});

test.each<[string, string, string[]]>([
  ['dotted imports contribute each prefix', 'import scipy.stats as st', ['scipy', 'scipy.stats']],
  [
    'relative imports contribute the module after the dots',
    'from . import a\nfrom ..pkg.mod import b',
    ['pkg', 'pkg.mod'],
  ],
  ['a syntax error contributes nothing', 'import numpy\nx = (', []],
  ['IPython lines are masked, the rest is read', '%matplotlib inline\n!ls\nimport numpy', ['numpy']],
])('%s', (_title, code, expected) => {
  expect(findImports(code)).toEqual(expected);
});

test('code read again (the server bundle compiles each page a second time) gets the same answer, its own array', () => {
  const code = 'import numpy as np\nfrom pandas import DataFrame';
  const first = findImports(code);
  first.push('changed by its caller');
  expect(findImports(code)).toEqual(['numpy', 'pandas']);
});
