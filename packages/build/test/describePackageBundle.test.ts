import {expect, test} from 'vitest';
import {describePackageBundle, type PackageBundle} from '../src/index.js';

function bundle(fields: Partial<PackageBundle>): PackageBundle {
  return {
    lock: {info: {abi_version: '2026_0', arch: 'wasm32', platform: 'emscripten_5_0_3', python: '3.14.2'}, packages: {}},
    files: [],
    bundled: [],
    failed: [],
    unknownImports: [],
    requests: 0,
    ...fields,
  };
}

const numpy = {
  name: 'numpy',
  version: '2.4.6',
  fileName: 'numpy.whl',
  source: 'distribution' as const,
  url: 'https://cdn.jsdelivr.net/pyodide/v314.0.7/full/numpy.whl',
  fromCache: false,
};
const tabulate = {
  name: 'tabulate',
  version: '0.9.0',
  fileName: 'tabulate.whl',
  source: 'pypi' as const,
  url: 'https://files.pythonhosted.org/packages/tabulate.whl',
  fromCache: true,
};
const files = [
  {fileName: 'numpy.whl', path: '/c/numpy.whl', size: 3_400_000},
  {fileName: 'tabulate.whl', path: '/c/tabulate.whl', size: 35_000},
];

test.each([
  {
    title: 'fetched and cached, from two hosts',
    bundle: bundle({bundled: [numpy, tabulate], files, requests: 1}),
    text: 'Bundled 2 Python packages (3.4 MB) from cdn.jsdelivr.net (1) and files.pythonhosted.org (1), 1 of them from the cache.',
  },
  {
    title: 'all cached',
    bundle: bundle({bundled: [{...numpy, fromCache: true}], files: files.slice(0, 1)}),
    text: 'Bundled 1 Python package (3.4 MB) from cdn.jsdelivr.net (1), all from the cache.',
  },
  {
    title: 'nothing to bundle',
    bundle: bundle({}),
    text: 'No Python packages to bundle.',
  },
  {
    title: 'failures and unknown imports, one line each',
    bundle: bundle({
      bundled: [tabulate],
      files: files.slice(1),
      requests: 3,
      failed: [{name: 'numpy', reason: 'Could not fetch it: could not reach cdn.jsdelivr.net (ENOTFOUND)'}],
      unknownImports: ['mymodule', 'other'],
    }),
    text: [
      'Bundled 1 Python package (35 kB) from files.pythonhosted.org (1), all from the cache.',
      '  not bundled: numpy. Could not fetch it: could not reach cdn.jsdelivr.net (ENOTFOUND)',
      "  no package provides: mymodule, other (neither Pyodide's lock file nor PyPI has them).",
    ].join('\n'),
  },
])('$title', ({bundle: value, text}) => {
  expect(describePackageBundle(value)).toBe(text);
});
