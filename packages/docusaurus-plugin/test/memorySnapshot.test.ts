import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {memorySnapshotConsumer, resolveMemorySnapshotFile, snapshotCacheName} from '../src/snapshot/memorySnapshot.js';
import {recordAssets, siteWithCells} from './support/siteAssets.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pyodocs-plugin-snapshot-'));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

describe('the memory snapshot in the build', () => {
  test('is named by its key: the Pyodide, its wasm and the kernel it was made with', async () => {
    const file = await resolveMemorySnapshotFile();
    expect(file.key).toMatch(/^[0-9a-f]{64}$/);
    expect(file.publicPath).toBe(`pyodocs/snapshot.${file.key.slice(0, 16)}.bin`);
  });

  test('a site without cells gets none', async () => {
    const {assets, emitted} = recordAssets();
    const cacheDir = path.join(scratch, 'none');
    await memorySnapshotConsumer({file: resolveMemorySnapshotFile, cacheDir})(siteWithCells(0), assets);
    expect(emitted.size).toBe(0);
  });

  test('a snapshot cached for this key is shipped as is, without starting Pyodide', async () => {
    const file = await resolveMemorySnapshotFile();
    const cacheDir = path.join(scratch, 'cached');
    mkdirSync(cacheDir, {recursive: true});
    writeFileSync(path.join(cacheDir, snapshotCacheName(file.key)), 'cached bytes');
    const {assets, emitted} = recordAssets();
    await memorySnapshotConsumer({file: resolveMemorySnapshotFile, cacheDir})(siteWithCells(1), assets);
    expect([...emitted.keys()]).toEqual([file.publicPath]);
    expect(String(emitted.get(file.publicPath))).toBe('cached bytes');
  });

  test('is made once (in a worker thread) and reused by the next compilation; one another Node made is not used', async () => {
    const cacheDir = path.join(scratch, 'made');
    // Another Node may have made its heap without stack switching, which Chrome's workers refuse.
    mkdirSync(cacheDir, {recursive: true});
    const {key} = await resolveMemorySnapshotFile();
    writeFileSync(path.join(cacheDir, snapshotCacheName(key).replace(process.versions.node, '0.0.0')), 'other Node');
    // ... and so may the plugin's earlier versions, which named the file by the key alone.
    writeFileSync(path.join(cacheDir, `snapshot-${key}.bin`), 'earlier plugin');
    const consume = memorySnapshotConsumer({file: resolveMemorySnapshotFile, cacheDir});
    const first = recordAssets();
    await consume(siteWithCells(1), first.assets);
    const {publicPath} = await resolveMemorySnapshotFile();
    const bytes = first.emitted.get(publicPath) as Buffer;
    expect(first.warnings).toEqual([]);
    // The runtime's snapshot file: "PYODOCS" + format byte, then the header and the heap (megabytes).
    expect(bytes.subarray(0, 7).toString('latin1')).toBe('PYODOCS');
    expect(bytes.length).toBeGreaterThan(1_000_000);
    const second = recordAssets();
    await consume(siteWithCells(2), second.assets);
    expect(second.emitted.get(publicPath)).toBe(bytes);
  }, 180_000);

  test('a snapshot that cannot be made is one warning; the build goes on', async () => {
    // A cache folder that is a file: nothing can be written under it.
    const cacheDir = path.join(scratch, 'not-a-folder');
    writeFileSync(cacheDir, '');
    const {assets, emitted, warnings} = recordAssets();
    const consume = memorySnapshotConsumer({file: resolveMemorySnapshotFile, cacheDir});
    await consume(siteWithCells(1), assets);
    await consume(siteWithCells(1), assets);
    expect(emitted.size).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/the memory snapshot could not be made .*boot without it/);
  }, 180_000);
});
