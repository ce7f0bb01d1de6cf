import {useContext, useMemo} from 'react';
import {defaultPythonCellLabels, type PythonCellLabels} from './PythonCellLabels.js';
import {SiteLabelsContext} from './SiteLabelsContext.js';

/** English, overlaid with the site's labels (PyodideProvider's `labels`), overlaid with a cell's own overrides. */
export function usePythonCellLabels(overrides: Partial<PythonCellLabels> | undefined): Readonly<PythonCellLabels> {
  const siteLabels = useContext(SiteLabelsContext);
  return useMemo(() => ({...defaultPythonCellLabels, ...siteLabels, ...overrides}), [siteLabels, overrides]);
}
