import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {OFFICIAL_DISTRIBUTION_URL} from '@pyodocs/runtime';
import {buildWheel, lockEntry, pinnedPyodideLock, startPackageServer} from '@pyodocs/testing';
import {afterAll, describe, expect, test} from 'vitest';
import {distributionLock} from '../src/index.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-dist-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});

describe('distributionLock', () => {
  test('the official distribution of the pinned version: the pinned lock, no request', async () => {
    expect(await distributionLock(OFFICIAL_DISTRIBUTION_URL, {cacheDir: tempDir()})).toEqual(pinnedPyodideLock());
  });

  test('another distribution: its own lock, fetched once and then read from the cache', async () => {
    const wheel = buildWheel({name: 'local', version: '1.0', files: {'local.py': ''}});
    const lock = {
      info: pinnedPyodideLock().info,
      packages: {local: lockEntry(wheel, {name: 'local', version: '1.0', imports: ['local']})},
    };
    const server = await startPackageServer({distribution: {lock, files: [wheel]}});
    const cacheDir = tempDir();
    try {
      expect(await distributionLock(server.distributionUrl, {cacheDir})).toEqual(lock);
      expect(await distributionLock(server.distributionUrl, {cacheDir})).toEqual(lock);
      expect(server.requests).toEqual(['/dist/pyodide-lock.json']);
    } finally {
      await server.close();
    }
  });

  test('a distribution for another Python is refused, saying why', async () => {
    const lock = {info: {...pinnedPyodideLock().info, python: '3.12.7', abi_version: '2024_0'}, packages: {}};
    const server = await startPackageServer({distribution: {lock, files: []}});
    try {
      await expect(distributionLock(server.distributionUrl, {cacheDir: tempDir()})).rejects.toThrow(
        /is for Python 3\.12\.7 \(ABI 2024_0\), but the site ships Pyodide for Python 3\.14/,
      );
    } finally {
      await server.close();
    }
  });

  test('an unreachable distribution says which URL', async () => {
    const server = await startPackageServer({});
    const url = server.distributionUrl;
    await server.close();
    await expect(distributionLock(url, {cacheDir: tempDir()})).rejects.toThrow(
      `Could not read the lock file of the distribution at ${url}pyodide-lock.json`,
    );
  });
});
