import {describe, expect, it} from 'vitest';
import * as api from '../src/index.js';

describe('@pyodocs/react public exports', () => {
  it('exports the provider, its hooks, the cell, the labels, the code registry and the output renderer registry, nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([
      'PyodideProvider',
      'PyodocsOutputRenderers',
      'PythonCell',
      'PythonDoctest',
      'defaultPythonCellLabels',
      'getCurrentCellCode',
      'usePyodideClient',
      'usePyodideStatus',
    ]);
  });

  it('has English default labels, with the button names other tests rely on', () => {
    expect(api.defaultPythonCellLabels).toMatchObject({run: 'Run', stop: 'Stop', reset: 'Reset'});
    expect(Object.isFrozen(api.defaultPythonCellLabels)).toBe(true);
  });
});
