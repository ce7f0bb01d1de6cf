import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {KERNEL_SOURCE} from '../src/python/kernelSource.js';

test('src/python/kernelSource.ts matches pyodocs_kernel.py (run `pnpm build` after editing the .py)', () => {
  const python = readFileSync(new URL('../src/python/pyodocs_kernel.py', import.meta.url), 'utf8');
  expect(KERNEL_SOURCE).toBe(python);
});
