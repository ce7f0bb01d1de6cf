import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {afterAll, describe, expect, test} from 'vitest';
import {ExecutionCache} from '../src/execution/ExecutionCache.js';
import {executionCacheKey, sessionPackageSet} from '../src/execution/executionCacheKey.js';
import {cell} from './support/executionPages.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-execution-cache-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});

const keyOf = (n: number) => createHash('sha256').update(String(n)).digest('hex');

describe('ExecutionCache', () => {
  test('a process killed while writing entries leaves only whole entries and temporary files nobody reads', async () => {
    const dir = tempDir();
    // The cache module, bundled for a plain Node child process that writes large entries until it is killed.
    const script = path.join(dir, 'writer.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('../src/execution/ExecutionCache.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: path.join(dir, 'cache.mjs'),
      logLevel: 'silent',
    });
    writeFileSync(
      script,
      `import {createHash} from 'node:crypto';
import {ExecutionCache} from './cache.mjs';
const cache = new ExecutionCache(process.argv[2]);
const text = 'x'.repeat(2_000_000);
for (let n = 0; ; n += 1) {
  cache.write(createHash('sha256').update(String(n)).digest('hex'), {kind: 'cell', outputs: [{kind: 'stream', name: 'stdout', text}]});
  if (n === 3) process.stdout.write('writing\\n');
}
`,
    );
    const entries = path.join(dir, 'entries');
    const child = spawn(process.execPath, [script, entries], {stdio: ['ignore', 'pipe', 'inherit']});
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const cache = new ExecutionCache(entries);
    const files = readdirSync(entries, {recursive: true, encoding: 'utf8'}).filter((name) => name.includes('.json'));
    const whole = files.filter((name) => name.endsWith('.json'));
    expect(whole.length).toBeGreaterThan(3);
    for (const name of whole) {
      const key = path.basename(name, '.json');
      expect(JSON.parse(readFileSync(path.join(entries, name), 'utf8')).key).toBe(key);
      expect(cache.read(key)?.outputs).toHaveLength(1);
    }
    // What the kill interrupted, if it was mid-write: a temporary file, never an entry, which a later cache removes once old.
    for (const name of files.filter((file) => file.endsWith('.tmp'))) {
      expect(cache.read(path.basename(name).split('.')[0] ?? '')).toBeUndefined();
    }
    cache.removeAbandonedWrites(0);
    expect(readdirSync(entries, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.tmp'))).toEqual(
      [],
    );
  });

  test('an entry under another key, of another shape or not JSON is a miss', () => {
    const dir = tempDir();
    const cache = new ExecutionCache(dir);
    cache.write(keyOf(1), {kind: 'cell', outputs: []});
    expect(cache.read(keyOf(1))).toEqual({kind: 'cell', outputs: []});
    const file = (n: number) => path.join(dir, keyOf(n).slice(0, 2), `${keyOf(n)}.json`);
    mkdirSync(path.dirname(file(2)), {recursive: true});
    writeFileSync(file(2), readFileSync(file(1)));
    expect(cache.read(keyOf(2))).toBeUndefined();
    cache.write(keyOf(3), {kind: 'cell', outputs: []});
    writeFileSync(file(3), JSON.stringify({key: keyOf(3), kind: 'cell', outputs: 'nope'}));
    expect(cache.read(keyOf(3))).toBeUndefined();
    expect(cache.read(keyOf(4))).toBeUndefined();
    expect(() => cache.read('../../etc/passwd')).toThrow('Not an execution cache key');
  });
});

describe('executionCacheKey', () => {
  const lock = {
    packages: {
      app: {name: 'app', version: '1.0', sha256: 'a1', imports: ['app'], depends: ['helper']},
      helper: {name: 'helper', version: '2.0', sha256: 'b2', imports: ['helper'], depends: []},
      other: {name: 'other', version: '3.0', sha256: 'c3', imports: ['other'], depends: []},
    },
  } as unknown as Parameters<typeof sessionPackageSet>[0];

  test('the package set: what imports and declared packages load, with dependencies and exact files', () => {
    expect(
      sessionPackageSet(lock, [
        cell({id: 'a', code: 'import app.sub, json', imports: ['app', 'app.sub', 'json']}),
        cell({id: 'b', code: '', packages: ['Other==3.0', 'missing', '/wheels/x-1.0-py3-none-any.whl']}),
      ]),
    ).toEqual(['/wheels/x-1.0-py3-none-any.whl', 'app==1.0 a1', 'helper==2.0 b2', 'missing==?', 'other==3.0 c3']);
  });

  test('changes with the code, the kind, the earlier cells and the packages; not otherwise', () => {
    const base = executionCacheKey({kind: 'cell', code: 'x'}, [{kind: 'cell', code: 'x = 1'}], ['app==1.0 a1']);
    expect(executionCacheKey({kind: 'cell', code: 'x'}, [{kind: 'cell', code: 'x = 1'}], ['app==1.0 a1'])).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const variants = [
      executionCacheKey({kind: 'cell', code: 'x '}, [{kind: 'cell', code: 'x = 1'}], ['app==1.0 a1']),
      executionCacheKey({kind: 'doctest', code: 'x'}, [{kind: 'cell', code: 'x = 1'}], ['app==1.0 a1']),
      executionCacheKey({kind: 'cell', code: 'x'}, [{kind: 'cell', code: 'x = 2'}], ['app==1.0 a1']),
      executionCacheKey({kind: 'cell', code: 'x'}, [], ['app==1.0 a1']),
      executionCacheKey({kind: 'cell', code: 'x'}, [{kind: 'cell', code: 'x = 1'}], ['app==1.1 a2']),
    ];
    expect(new Set([base, ...variants]).size).toBe(6);
  });
});
