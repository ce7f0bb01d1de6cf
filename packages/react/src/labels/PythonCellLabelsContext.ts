import {createContext, useContext, useMemo} from 'react';
import {defaultPythonCellLabels, type PythonCellLabels} from './PythonCellLabels.js';

/** Site-wide labels, set by `PyodideProvider`; English when no provider is mounted. */
export const PythonCellLabelsContext = createContext<Readonly<PythonCellLabels>>(defaultPythonCellLabels);

/** Site-wide labels overlaid with a cell's own overrides. */
export function usePythonCellLabels(overrides: Partial<PythonCellLabels> | undefined): Readonly<PythonCellLabels> {
  const siteLabels = useContext(PythonCellLabelsContext);
  return useMemo(() => (overrides ? {...siteLabels, ...overrides} : siteLabels), [siteLabels, overrides]);
}
