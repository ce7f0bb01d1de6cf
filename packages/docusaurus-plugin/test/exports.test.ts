import {expect, test} from 'vitest';
import * as plugin from '../src/index.js';

test('public exports', () => {
  expect(Object.keys(plugin).sort()).toEqual(
    [
      'DEFAULT_OPTIONS',
      'PLUGIN_NAME',
      'default',
      'getSwizzleConfig',
      'pluginOptionsSchema',
      'readPyodocsSiteFacts',
      'validateOptions',
    ].sort(),
  );
});
