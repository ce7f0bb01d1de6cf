import {describe, expect, it} from 'vitest';
import {labelOf} from '../src/labels/labelOf.js';
import type {PythonCellLabels} from '../src/labels/PythonCellLabels.js';
import {englishRunLabels} from '../src/labels/runLabels.js';
import {pageActivityText} from '../src/notebook/pageActivityText.js';

describe('labelOf', () => {
  it("gives the site's label, else the English table's", () => {
    expect(labelOf({neededFailed: 'Nicht ausgeführt'}, 'neededFailed', englishRunLabels)).toBe('Nicht ausgeführt');
    const site: Partial<PythonCellLabels> = {running: 'Läuft…'};
    expect(labelOf(site, 'neededFailed', englishRunLabels)).toBe('Not run: a cell above that it needs failed');
  });

  it('takes only keys the English table holds (no label falls back to an empty string)', () => {
    // @ts-expect-error `run` is a label the page shows, not in the run code's English.
    expect(labelOf({}, 'run', englishRunLabels)).toBeUndefined();
  });

  it("is what the page actions' announcements use", () => {
    const ranAll = {state: 'ran-all', completed: 3} as const;
    expect(pageActivityText(ranAll, {})).toBe('Ran all 3 cells');
    expect(pageActivityText(ranAll, {ranAll: '{count} Zellen ausgeführt'})).toBe('3 Zellen ausgeführt');
  });
});
