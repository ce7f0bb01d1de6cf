import {describe, expect, it} from 'vitest';
import * as api from '../src/index.js';

describe('@pyodocs/react public exports', () => {
  it('exports the provider and its hooks, the cell and the doctest with their parts and hook, the page actions and their hook, the labels, the code registry and the output renderer registry, nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([
      'PyodideProvider',
      'PyodocsOutputRenderers',
      'PythonCell',
      'PythonCellCode',
      'PythonCellOutput',
      'PythonCellStatus',
      'PythonCellToolbar',
      'PythonDoctest',
      'PythonDoctestResults',
      'PythonPageActions',
      'defaultPythonCellLabels',
      'defaultPythonPageLabels',
      'editorTokenPrismTypes',
      'getCurrentCellCode',
      'usePageCellCount',
      'usePyodideClient',
      'usePyodideStatus',
      'usePythonCell',
      'usePythonPage',
    ]);
  });

  it('has English default labels, with the button names other tests rely on', () => {
    expect(api.defaultPythonCellLabels).toMatchObject({run: 'Run', stop: 'Stop', reset: 'Reset'});
    expect(Object.isFrozen(api.defaultPythonCellLabels)).toBe(true);
  });
});
