import {describe, expect, it} from 'vitest';
// @ts-expect-error: the bench's scripts are plain JavaScript modules without types.
import {median, pairRatios, ratioInterval} from '../bench/pairedRatio.mjs';

// The build row's statistics (pnpm bench): what its figure's spread is computed from.
describe('bench build-row statistics', () => {
  it('takes each pair’s ratio and the median of odd and even counts', () => {
    expect(pairRatios([20, 33, 12], [10, 30, 12])).toEqual([2, 1.1, 1]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses builds that do not pair up', () => {
    expect(() => pairRatios([1, 2], [1])).toThrow(/as many run as plain builds/);
    expect(() => ratioInterval([], [])).toThrow(/at least one/);
  });

  it('brackets the ratio of medians, narrower for steady builds than for drifting ones', () => {
    const plain = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29];
    const steady = plain.map((value) => value * 1.05);
    const same = ratioInterval(steady, plain);
    expect(same.low).toBeCloseTo(1.05, 10);
    expect(same.high).toBeCloseTo(1.05, 10);
    // The same pairs' ratios, but the run builds shuffled against the plain ones by the machine's drift.
    const factors = [1.3, 0.9, 1.2, 0.95, 1.25, 0.85, 1.1, 1.0, 1.15, 0.92];
    const drifting = plain.map((value, index) => value * (factors[index] ?? 1));
    const wide = ratioInterval(drifting, plain);
    expect(wide.low).toBeLessThan(1);
    expect(wide.high).toBeGreaterThan(1.1);
    const figure = median(drifting) / median(plain);
    expect(wide.low).toBeLessThanOrEqual(figure);
    expect(wide.high).toBeGreaterThanOrEqual(figure);
    // Fixed seed: the same builds give the same interval.
    expect(ratioInterval(drifting, plain)).toEqual(wide);
  });
});
