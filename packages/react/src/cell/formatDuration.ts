import {labelOf} from '../labels/labelOf.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {englishRunLabels} from '../labels/runLabels.js';

/** A run's duration for the status line: whole milliseconds under a second, else seconds with one decimal. */
export function formatDuration(milliseconds: number, labels: Readonly<PythonCellLabels>): string {
  const whole = Math.max(0, Math.round(milliseconds));
  if (whole < 1000) return labelOf(labels, 'durationMilliseconds', englishRunLabels).replace('{value}', String(whole));
  return labelOf(labels, 'durationSeconds', englishRunLabels).replace('{value}', (milliseconds / 1000).toFixed(1));
}
