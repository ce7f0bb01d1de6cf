import {createRequire} from 'node:module';
import {expect, test} from 'vitest';
import {PYODIDE_VERSION} from '../src/index.js';
import runtimePackage from '../package.json' with {type: 'json'};

const require = createRequire(import.meta.url);

test('PYODIDE_VERSION is the installed and pinned pyodide version', () => {
  const pyodidePackage = require('pyodide/package.json') as {version: string};
  expect(PYODIDE_VERSION).toBe(pyodidePackage.version);
  // Pinned exactly: the site serves these files under /pyodide/<version>/.
  expect(runtimePackage.dependencies.pyodide).toBe(PYODIDE_VERSION);
});
