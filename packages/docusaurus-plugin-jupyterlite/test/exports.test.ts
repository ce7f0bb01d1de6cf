import {expect, test} from 'vitest';
import * as plugin from '../src/index.js';

test('public exports', () => {
  expect(Object.keys(plugin).sort()).toEqual(
    ['PLUGIN_NAME', 'default', 'getSwizzleConfig', 'pluginOptionsSchema', 'validateOptions'].sort(),
  );
});
