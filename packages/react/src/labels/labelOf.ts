import type {PythonCellLabels} from './PythonCellLabels.js';
import {englishViewLabels} from './viewLabels.js';

/**
 * A label, with the English default for the optional ones a site's label set
 * may lack. Labels only a run shows are in the cell's labels by then (they
 * come with the run code): the fallback is the English of what shows before.
 */
export function labelOf(labels: Readonly<PythonCellLabels>, key: keyof PythonCellLabels): string {
  return labels[key] ?? (englishViewLabels as Partial<Record<keyof PythonCellLabels, string>>)[key] ?? '';
}
