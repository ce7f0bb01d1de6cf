import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import type {DoctestLabelKey} from '../labels/viewLabels.js';

/**
 * English for what only doctest blocks show: in the doctest blocks' chunk,
 * not with every cell (issue 13). Under the site's labels and a block's own.
 */
export const englishDoctestLabels: Readonly<Required<Pick<PythonCellLabels, DoctestLabelKey>>> = Object.freeze({
  tryIt: 'Try it',
  doctestResults: 'Doctest results',
  doctestMatch: 'Matches the documented output',
  doctestMismatch: 'Differs from the documented output',
  doctestSkipped: 'Skipped (+SKIP)',
  doctestDocumented: 'Documented',
  doctestGot: 'Got',
  doctestNoOutput: '(no output)',
  doctestStoppedAt: 'Stopped at example {number}',
  doctestBuildPassed: 'Checked when the site was built: all {count} examples match',
  doctestBuildFailed: 'Checked when the site was built: {failed} of {count} examples differ',
});
