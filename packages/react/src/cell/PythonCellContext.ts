import {createContext, useContext} from 'react';
import type {PythonCellController} from './useCellController.js';

/** The controller of the cell being rendered, for its parts (and replacements of them). */
export const PythonCellContext = createContext<PythonCellController | null>(null);

/**
 * The state and actions of the cell this component is rendered in (the code
 * it would run, its outputs, Run / Stop / Reset, ...): for parts passed
 * through `components` that need more than their props. Throws outside a cell.
 */
export function usePythonCell(): PythonCellController {
  const controller = useContext(PythonCellContext);
  if (!controller) {
    throw new Error('usePythonCell() works only inside a <PythonCell> (or <PythonDoctest>) and its parts.');
  }
  return controller;
}
