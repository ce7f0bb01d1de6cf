import {createHash} from 'node:crypto';
import {readFileSync, readdirSync} from 'node:fs';
import {expect, test} from 'vitest';
import {KERNEL_FILES, KERNEL_SOURCE_SHA256} from '../src/python/kernelSource.js';

test('src/python/kernelSource.ts matches the .py files (run `pnpm build` after editing one)', () => {
  const dir = new URL('../src/python/', import.meta.url);
  const files = readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .map((file) => file.replaceAll('\\', '/'))
    .filter((file) => file.endsWith('.py'))
    .sort();
  expect(Object.keys(KERNEL_FILES).sort()).toEqual(files);
  for (const file of files) expect(KERNEL_FILES[file], file).toBe(readFileSync(new URL(file, dir), 'utf8'));
});

test('KERNEL_SOURCE_SHA256 is the hash of those files', () => {
  expect(KERNEL_SOURCE_SHA256).toBe(createHash('sha256').update(JSON.stringify(KERNEL_FILES)).digest('hex'));
});
