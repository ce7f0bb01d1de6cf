import {englishPageRunLabels} from './pageActivityText.js';
import {englishPageViewLabels, type PythonPageLabels} from './PythonPageLabels.js';

/** Every page-actions label in English (what the page shows at first, and what Run all and Restart announce). */
export const defaultPythonPageLabels: Readonly<PythonPageLabels> = Object.freeze({
  ...englishPageViewLabels,
  ...englishPageRunLabels,
});
