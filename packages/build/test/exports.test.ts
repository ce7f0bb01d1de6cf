import {describe, expect, test} from 'vitest';
import * as build from '../src/index.js';

describe('public exports', () => {
  test('@pyodocs/build exports the package bundle functions', () => {
    expect(Object.keys(build).sort()).toEqual([
      'bundlePackages',
      'describePackageBundle',
      'distributionLock',
      'writePackageFolder',
    ]);
  });
});
