import {describe, expect, test} from 'vitest';
import * as build from '../src/index.js';

describe('public exports', () => {
  test('@pyodocs/build exports the package bundle functions and the page executor', () => {
    expect(Object.keys(build).sort()).toEqual([
      'PageExecutor',
      'bundlePackages',
      'describeCellFailure',
      'describePackageBundle',
      'distributionLock',
      'writePackageFolder',
    ]);
  });
});
