import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import type {OutputLabelKey} from '../labels/viewLabels.js';

/** English for what only the output renderers show: part of their chunk (OutputBlocks.tsx), not of every page with cells. */
export const englishOutputLabels: Readonly<Pick<Required<PythonCellLabels>, OutputLabelKey>> = Object.freeze({
  unsupportedOutput: 'This output cannot be shown here yet. Types:',
  errorDetails: 'Details',
});
