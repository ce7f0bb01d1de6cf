import {spawn} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, test} from 'vitest';

// The display code (pyodocs_display, the matplotlib backend, the kernel's
// display hook) against IPython itself, under CPython with the real numpy,
// matplotlib, pandas and sympy: the pytest suite in test/python, in the venv
// that scripts/setup-python-test-venv.mjs makes (`pnpm test` and .ci/run run it).
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = path.resolve(packageDir, '../..');
const venv = process.env['PYODOCS_PYTHON_TEST_VENV'] ?? path.join(repoDir, '.cache', 'python-test-venv');
const python = path.join(venv, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
const setup = `node packages/runtime/scripts/setup-python-test-venv.mjs ${path.relative(repoDir, venv)}`;

function venvProblem(): string | undefined {
  if (!existsSync(python)) return `no Python test venv at ${venv}: run \`${setup}\` from the repo root`;
  const requirements = readFileSync(path.join(packageDir, 'test/python/requirements.txt'), 'utf8');
  const stamp = path.join(venv, 'pyodocs-pins.json');
  const pinned = existsSync(stamp) ? (JSON.parse(readFileSync(stamp, 'utf8')) as {requirements?: string}) : {};
  if (pinned.requirements !== requirements)
    return `${venv} does not hold test/python/requirements.txt: run \`${setup}\``;
  return undefined;
}

function runPytest(): Promise<{code: number | null; output: string}> {
  return new Promise((resolve, reject) => {
    // No __pycache__ next to src/python: a newer mtime in src/ makes the global setup rebuild dist/.
    const child = spawn(python, ['-m', 'pytest', 'test/python'], {
      cwd: packageDir,
      env: {...process.env, PYTHONDONTWRITEBYTECODE: '1'},
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({code, output}));
  });
}

test('pyodocs shows what a Jupyter notebook shows, for every cell of the corpus (pytest under CPython)', async () => {
  const problem = venvProblem();
  if (problem) throw new Error(problem);
  const {code, output} = await runPytest();
  if (code !== 0) throw new Error(`pytest exited ${code}:\n${output}`);
  expect(output).toMatch(/\d+ passed/);
}, 900_000);
