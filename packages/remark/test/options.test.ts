import {describe, expect, test} from 'vitest';
import {remarkPythonCells, type RemarkPythonCellsOptions} from '../src/index.js';

describe('remarkPythonCells options', () => {
  test.each<[string, unknown, string]>([
    ['an unknown option, with a suggestion', {runable: 'all'}, 'unknown option "runable". Did you mean "runnable"?'],
    ['a bad runnable', {runnable: 'some'}, `option "runnable" must be 'marked' or 'all', got "some"`],
    [
      'a lowercase componentName',
      {componentName: 'cell'},
      'option "componentName" must be a JavaScript identifier starting with an uppercase letter',
    ],
    ['a componentName with a dash', {componentName: 'Python-Cell'}, 'option "componentName"'],
    ['an empty importSource', {importSource: ' '}, 'option "importSource" must be a non-empty module specifier'],
    ['empty languages', {languages: []}, 'option "languages" must be a non-empty array'],
    ['languages that are not strings', {languages: ['python', 3]}, 'option "languages"'],
    ['a bad onError', {onError: 'ignore'}, `option "onError" must be 'throw' or 'warn'`],
    ['options that are not an object', 'all', 'options must be an object'],
  ])('rejects %s when the plugin is configured', (_title, options, message) => {
    expect(() => remarkPythonCells(options as RemarkPythonCellsOptions)).toThrow(message);
  });

  test('accepts no options, null, and every documented option', () => {
    expect(() => remarkPythonCells()).not.toThrow();
    expect(() => remarkPythonCells(null)).not.toThrow();
    expect(() =>
      remarkPythonCells({
        runnable: 'all',
        componentName: 'PythonCell',
        importSource: '@theme/PythonCell',
        languages: ['python', 'ipython'],
        onError: 'warn',
      }),
    ).not.toThrow();
  });
});
