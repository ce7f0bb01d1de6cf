import type {FixtureRelease} from './packageServer.js';
import {buildWheel} from './wheels.js';

/**
 * A small PyPI that exercises dependency resolution, for the resolver's tests
 * (@pyodocs/build) and `pyodocs mirror`'s (@pyodocs/cli): `app` requires
 * `helper>=1` and dependencies behind markers (an older Python, an extra,
 * emscripten) plus `appAlsoRequires`; `helper` has two versions and two
 * top-level modules; `wasm-only` a pure and a pyemscripten wheel;
 * `native-only` only a manylinux wheel.
 */
export function markerPypi(options: {appAlsoRequires?: string[]} = {}) {
  const wheels = {
    app: buildWheel({
      name: 'app',
      version: '1.0',
      files: {'app/__init__.py': 'import helper\n', 'app_extra.py': ''},
      requires: [
        'helper>=1',
        'only-old-python; python_version < "3.11"',
        'docs-tool; extra == "docs"',
        'wasm-only; sys_platform == "emscripten"',
        ...(options.appAlsoRequires ?? []),
      ],
    }),
    helper: buildWheel({
      name: 'helper',
      version: '2.0',
      files: {'helper/__init__.py': ''},
      topLevel: ['helper', 'helper_compat'],
    }),
    helperOld: buildWheel({name: 'helper', version: '1.0', files: {'helper/__init__.py': ''}}),
    wasmOnlyPure: buildWheel({name: 'wasm-only', version: '1.0', files: {'wasm_only/__init__.py': ''}}),
    wasmOnlyEmscripten: buildWheel({
      name: 'wasm-only',
      version: '1.0',
      files: {'wasm_only/__init__.py': ''},
      tag: 'cp314-cp314-pyemscripten_2026_0_wasm32',
    }),
    nativeOnly: buildWheel({
      name: 'native-only',
      version: '3.0',
      files: {'native_only/__init__.py': ''},
      tag: 'cp312-cp312-manylinux_2_17_x86_64',
    }),
  };
  const projects: Record<string, FixtureRelease[]> = {
    app: [{version: '1.0', wheels: [wheels.app]}],
    helper: [
      {version: '1.0', wheels: [wheels.helperOld]},
      {version: '2.0', wheels: [wheels.helper]},
    ],
    'wasm-only': [{version: '1.0', wheels: [wheels.wasmOnlyPure, wheels.wasmOnlyEmscripten]}],
    'native-only': [{version: '3.0', wheels: [wheels.nativeOnly]}],
  };
  return {wheels, projects};
}
