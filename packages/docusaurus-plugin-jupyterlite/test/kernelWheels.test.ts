import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';
import {kernelRequirements, writeKernelLock, type PyodideLock} from '../src/liteSite/kernelWheels.js';

// The lock of the Pyodide the site really ships (via @pyodocs/runtime).
const require = createRequire(import.meta.url);
const fromCore = createRequire(require.resolve('@pyodocs/docusaurus-plugin/package.json'));
const fromRuntime = createRequire(fromCore.resolve('@pyodocs/runtime/package.json'));
const lock = JSON.parse(
  readFileSync(path.join(path.dirname(fromRuntime.resolve('pyodide/package.json')), 'pyodide-lock.json'), 'utf8'),
) as PyodideLock;

test('the kernel needs micropip, IPython with its dependencies, jedi, parso and comm, pinned to the Pyodide lock', () => {
  const requirements = kernelRequirements(lock);
  const names = requirements.map((r) => r.split('==')[0]);
  expect(names).toEqual(
    expect.arrayContaining(['micropip', 'ipython', 'jedi', 'parso', 'traitlets', 'prompt-toolkit', 'wcwidth', 'comm']),
  );
  expect(requirements).toContain(`ipython==${lock.packages['ipython']!.version}`);
  expect(requirements).toContain('comm==0.2.3');
  expect(new Set(names).size).toBe(names.length);
});

test("the trimmed lock lists exactly the shipped wheels with their real hashes, keeping Pyodide's imports and depends", () => {
  const wheels = mkdtempSync(path.join(tmpdir(), 'wheels-'));
  const out = mkdtempSync(path.join(tmpdir(), 'lock-'));
  writeFileSync(path.join(wheels, 'prompt_toolkit-3.0.52-py3-none-any.whl'), 'fake wheel bytes 1');
  writeFileSync(path.join(wheels, 'comm-0.2.3-py3-none-any.whl'), 'fake wheel bytes 2');
  expect(writeKernelLock(lock, wheels, out).sort()).toEqual(['comm', 'prompt-toolkit']);
  const written = JSON.parse(readFileSync(path.join(out, 'pyodide-lock.json'), 'utf8')) as PyodideLock;
  expect(written.info).toEqual(lock.info);
  expect(Object.keys(written.packages).sort()).toEqual(['comm', 'prompt-toolkit']);
  const prompt = written.packages['prompt-toolkit']!;
  expect(prompt.file_name).toBe('prompt_toolkit-3.0.52-py3-none-any.whl');
  expect(prompt.sha256).toBe(createHash('sha256').update('fake wheel bytes 1').digest('hex'));
  expect(prompt.imports).toEqual(['prompt_toolkit']);
  expect(prompt.depends).toEqual(lock.packages['prompt-toolkit']!.depends);
  expect(written.packages['comm']!.imports).toEqual(['comm']);
  expect(readdirSync(out).sort()).toEqual([
    'comm-0.2.3-py3-none-any.whl',
    'prompt_toolkit-3.0.52-py3-none-any.whl',
    'pyodide-lock.json',
  ]);
});
