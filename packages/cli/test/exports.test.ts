import {describe, expect, test} from 'vitest';
import * as cli from '../src/index.js';

describe('public exports', () => {
  test('@pyodocs/cli exports the command line entry and the mirror function', () => {
    expect(Object.keys(cli).sort()).toEqual(['MirrorError', 'main', 'mirrorPackages']);
  });
});
