#!/usr/bin/env node
// Creates (or checks) a Python virtual environment holding the pinned
// JupyterLite CLI this plugin drives, so `pnpm start` and CI need no global
// pip installs: `node setup-python.mjs <venv dir>`. Fast no-op when the venv
// already has the pinned versions.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';

export const PINNED = ['jupyterlite-core==0.8.6', 'jupyterlite-pyodide-kernel==0.8.6', 'jupyter-server'];

const venv = path.resolve(process.argv[2] ?? '.venv-jupyterlite');
const bin = process.platform === 'win32' ? path.join(venv, 'Scripts') : path.join(venv, 'bin');
const python = path.join(bin, process.platform === 'win32' ? 'python.exe' : 'python');
const systemPython = process.env.PYTHON ?? (process.platform === 'win32' ? 'python' : 'python3');

function run(command, args) {
  execFileSync(command, args, {stdio: 'inherit'});
}

function installedVersions() {
  try {
    return execFileSync(python, ['-m', 'pip', 'list', '--format=json', '--disable-pip-version-check'], {
      encoding: 'utf8',
    });
  } catch {
    return '';
  }
}

if (!existsSync(python)) {
  console.log(`[jupyterlite] creating ${venv}`);
  try {
    run(systemPython, ['-m', 'venv', venv]);
  } catch {
    console.error(
      `[jupyterlite] "${systemPython} -m venv" failed. Install Python 3.10+ with venv (Debian/Ubuntu: apt-get install python3-venv), or set PYTHON.`,
    );
    process.exit(1);
  }
}
const list = installedVersions();
const ok =
  /"jupyterlite-core", "version": "0\.8\.6"/.test(list) &&
  /"jupyterlite-pyodide-kernel", "version": "0\.8\.6"/.test(list) &&
  /"jupyter[-_]server"/.test(list);
if (!ok) {
  console.log(`[jupyterlite] pip install ${PINNED.join(' ')}`);
  run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', ...PINNED]);
}
console.log(`[jupyterlite] ready: ${path.join(bin, 'jupyter')}`);
