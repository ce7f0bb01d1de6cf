import {labelOf} from '../labels/labelOf.js';
import type {PageActivity} from './pageActivity.js';
import type {PageRunLabelKey, PythonPageLabels} from './PythonPageLabels.js';

/**
 * English for what the page actions announce after Run all or Restart: part
 * of the run code (live/liveCode.ts), which both load, not of every page
 * with cells (issue 13).
 */
export const englishPageRunLabels: Readonly<Pick<PythonPageLabels, PageRunLabelKey>> = Object.freeze({
  runningAll: 'Running all {count} cells…',
  ranAll: 'Ran all {count} cells',
  runAllStopped: 'Run all stopped: a cell failed',
  restarted: 'Restarted: the variables of this page are gone',
});

/** What the page actions' status line says of what they did last, in the site's labels or English. */
export function pageActivityText(activity: PageActivity, labels: Partial<PythonPageLabels>): string {
  const text = (key: PageRunLabelKey): string => labelOf(labels, key, englishPageRunLabels);
  switch (activity.state) {
    case 'idle':
      return '';
    case 'running-all':
      return text('runningAll').replace('{count}', String(activity.total));
    case 'ran-all':
      return text('ranAll').replace('{count}', String(activity.completed));
    case 'run-all-stopped':
      return text('runAllStopped');
    case 'restarted':
      return text('restarted');
    case 'unavailable':
      return activity.message;
  }
}
