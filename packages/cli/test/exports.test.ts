import {describe, expect, test} from 'vitest';
import * as cli from '../src/index.js';

describe('public exports', () => {
  test('@pyodocs/cli exports the command line entry, the mirror and the check', () => {
    expect(Object.keys(cli).sort()).toEqual([
      'MirrorError',
      'checkPages',
      'formatCheckReport',
      'main',
      'mirrorPackages',
    ]);
  });
});
