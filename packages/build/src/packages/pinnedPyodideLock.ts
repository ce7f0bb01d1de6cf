import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {PyodideLock} from '@pyodocs/runtime';

let pinned: PyodideLock | undefined;

/**
 * The lock file of the Pyodide the runtime pins (`PYODIDE_VERSION`): read
 * from the `pyodide` package the runtime itself depends on, so the two can
 * never disagree.
 */
export function pinnedPyodideLock(): PyodideLock {
  if (pinned === undefined) {
    const runtimeRequire = createRequire(createRequire(import.meta.url).resolve('@pyodocs/runtime/package.json'));
    pinned = JSON.parse(readFileSync(runtimeRequire.resolve('pyodide/pyodide-lock.json'), 'utf8')) as PyodideLock;
  }
  return pinned;
}
