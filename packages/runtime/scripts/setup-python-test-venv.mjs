#!/usr/bin/env node
// Creates (or checks) the Python virtual environment the runtime's CPython
// oracle suite (test/python) runs in: the real numpy, matplotlib, pandas,
// IPython and sympy, exactly as pinned in
// test/python/requirements.txt. `node setup-python-test-venv.mjs <venv dir>`.
// A fast no-op when the venv holds those pins; re-created from scratch when
// the list (or the interpreter) changes, so a removed pin goes too.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

// The nearest this kind of machine has (pyenv) to Pyodide 314's Python 3.14;
// every pin has a cp313 wheel.
const PYTHON_VERSION = '3.13';
const requirementsFile = fileURLToPath(new URL('../test/python/requirements.txt', import.meta.url));
const venv = path.resolve(process.argv[2] ?? '.cache/python-test-venv');
const bin = process.platform === 'win32' ? path.join(venv, 'Scripts') : path.join(venv, 'bin');
const python = path.join(bin, process.platform === 'win32' ? 'python.exe' : 'python');
// Read by test/pythonOracle.test.ts to tell a stale venv from a current one.
const stampFile = path.join(venv, 'pyodocs-pins.json');

function log(message) {
  console.log(`[python-test-venv] ${message}`);
}

/** "3.13" for an interpreter that has venv and ensurepip, else undefined. */
function versionOf(command) {
  try {
    return execFileSync(command, ['-c', 'import sys, venv, ensurepip; print("%d.%d" % sys.version_info[:2])'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** PYODOCS_TEST_PYTHON, else python3.13 on PATH, else pyenv's 3.13 (its shim refuses when 3.13 is not selected), else python3. */
function findPython() {
  const pyenvRoot = process.env.PYENV_ROOT ?? path.join(homedir(), '.pyenv');
  const pyenvVersions = path.join(pyenvRoot, 'versions');
  const pyenvCandidates = existsSync(pyenvVersions)
    ? readdirSync(pyenvVersions)
        .filter((name) => name === PYTHON_VERSION || name.startsWith(`${PYTHON_VERSION}.`))
        .sort((a, b) => b.localeCompare(a, 'en', {numeric: true}))
        .map((name) => path.join(pyenvVersions, name, 'bin', `python${PYTHON_VERSION}`))
    : [];
  const candidates = process.env.PYODOCS_TEST_PYTHON
    ? [process.env.PYODOCS_TEST_PYTHON]
    : [`python${PYTHON_VERSION}`, ...pyenvCandidates, 'python3'];
  return candidates.find((candidate) => versionOf(candidate) === PYTHON_VERSION);
}

const requirements = readFileSync(requirementsFile, 'utf8');
const wanted = JSON.stringify({python: PYTHON_VERSION, requirements});
const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (current === wanted && existsSync(python)) {
  log(`ready: ${python}`);
  process.exit(0);
}

const systemPython = findPython();
if (systemPython === undefined) {
  console.error(
    `[python-test-venv] needs Python ${PYTHON_VERSION} with venv (the pins are wheels for it). ` +
      `Install it (pyenv install ${PYTHON_VERSION}; Debian/Ubuntu: python${PYTHON_VERSION} python${PYTHON_VERSION}-venv) ` +
      'or point PYODOCS_TEST_PYTHON at one.',
  );
  process.exit(1);
}
if (existsSync(venv)) {
  log(`pins changed: re-creating ${venv}`);
  rmSync(venv, {recursive: true, force: true});
} else {
  log(`creating ${venv} with ${systemPython}`);
}
execFileSync(systemPython, ['-m', 'venv', venv], {stdio: 'inherit'});
// Wheels only: a pin without a wheel for this Python fails here, not in a compiler.
execFileSync(
  python,
  ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '--only-binary=:all:', '-r', requirementsFile],
  {stdio: 'inherit'},
);
writeFileSync(stampFile, wanted);
log(`ready: ${python}`);
