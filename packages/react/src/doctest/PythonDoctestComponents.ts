import type {ComponentType} from 'react';
import {type PythonCellComponents, resolvePythonCellComponents} from '../cell/PythonCellComponents.js';
import {type PythonDoctestResultsProps, PythonDoctestResults} from './PythonDoctestResults.js';

/** The live doctest's parts: the cell's, and the per-example results shown above the output area. */
export interface PythonDoctestComponents extends PythonCellComponents {
  /** The examples' verdicts, documented beside real output. */
  Results: ComponentType<PythonDoctestResultsProps>;
}

/** The default parts with the given replacements; a replacement left undefined keeps the default. */
export function resolvePythonDoctestComponents(
  replacements: Partial<PythonDoctestComponents> | undefined,
): Readonly<PythonDoctestComponents> {
  return {...resolvePythonCellComponents(replacements), Results: replacements?.Results ?? PythonDoctestResults};
}
