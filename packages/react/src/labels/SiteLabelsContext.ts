import {createContext} from 'react';
import type {PythonCellLabels} from './PythonCellLabels.js';

/**
 * The site's translated labels, as `PyodideProvider` was given them (unset:
 * English). Only the overrides travel here: the English defaults are merged
 * in by the cells (usePythonCellLabels), so the provider, on every page,
 * carries no strings.
 */
export const SiteLabelsContext = createContext<Partial<PythonCellLabels> | undefined>(undefined);
