import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {PyodideLock} from '@pyodocs/runtime';
import {buildWheel, lockEntry, type PackageServer, pyodideLockInfo, startPackageServer} from '@pyodocs/testing';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {type CellExecution, describeCellFailure, type PageExecution, PageExecutor} from '../src/index.js';
import {ExecutionCache} from '../src/execution/ExecutionCache.js';
import {executionCacheKey} from '../src/execution/executionCacheKey.js';
import {cell, doctest, page} from './support/executionPages.js';

// The executor in real Pyodide (Node), with a fixture distribution on
// localhost serving one wheel. One executor runs the pages in turn (a
// Pyodide start costs seconds); a second one, on the same cache, shows a
// fully cached page starts nothing.

const wheel = buildWheel({
  name: 'greeting',
  version: '1.0',
  files: {'greeting/__init__.py': "NAME = 'hello from a wheel'\n"},
});
// Needed only by the last page: the running Pyodide's lock does not have it on disk yet.
const laterWheel = buildWheel({name: 'farewell', version: '2.0', files: {'farewell/__init__.py': "NAME = 'bye'\n"}});
const lock: PyodideLock = {
  info: pyodideLockInfo(),
  packages: {
    greeting: lockEntry(wheel, {name: 'greeting', version: '1.0', imports: ['greeting']}),
    farewell: lockEntry(laterWheel, {name: 'farewell', version: '2.0', imports: ['farewell']}),
  },
};

const TABLE = 'from IPython.display import HTML, display\ndisplay(HTML("<table><tr><td>1</td></tr></table>"))\nx * 2';
const tutorial = (tableCell: string) =>
  page('docs/tutorial.md', [
    cell({id: 'a', code: 'x = 21\nprint("hello")', session: 'main'}),
    cell({id: 'b', code: tableCell, session: 'main', imports: ['IPython', 'IPython.display']}),
    cell({id: 'c', code: 'import greeting\ngreeting.NAME', session: 'other', imports: ['greeting']}),
    doctest({id: 'd', source: '>>> x + 1\n22\n', session: 'main'}),
    cell({id: 'e', code: '1 / 0', session: 'errors', tags: ['raises-exception']}),
    cell({id: 'f', code: 'raise SystemExit("never runs")', session: 'main', execute: 'off'}),
    cell({id: 'g', code: 'y = x + 1\ny', session: 'main'}),
  ]);

let server: PackageServer;
let root: string;
let executor: PageExecutor;
const logs: string[] = [];

function executorOptions() {
  return {
    cacheDir: path.join(root, 'execution'),
    packages: {cacheDir: path.join(root, 'packages'), distributionUrl: server.distributionUrl, pypiUrl: null, lock},
    log: (line: string) => logs.push(line),
  };
}

function summary(execution: PageExecution): Record<string, Pick<CellExecution, 'status' | 'fromCache'>> {
  return Object.fromEntries(
    Array.from(execution.cells, ([id, {status, fromCache}]) => [id, {status, fromCache}] as const),
  );
}

beforeAll(async () => {
  server = await startPackageServer({distribution: {lock, files: [wheel, laterWheel]}});
  root = mkdtempSync(path.join(tmpdir(), 'pyodocs-executor-'));
  executor = new PageExecutor(executorOptions());
});

afterAll(async () => {
  await executor?.close();
  await server?.close();
  rmSync(root, {recursive: true, force: true});
});

describe('PageExecutor', () => {
  let first: PageExecution;

  test('runs the cells and doctests of a page per session, with the packages the browser would load', async () => {
    first = await executor.executePage(tutorial(TABLE));
    expect(first.stats).toEqual({executed: 6, cached: 0, replayed: 0, skipped: 1});
    const {cells} = first;
    expect(cells.get('a')?.outputs).toEqual([{kind: 'stream', name: 'stdout', text: 'hello\n'}]);
    expect(cells.get('b')?.outputs).toEqual([
      expect.objectContaining({
        kind: 'display',
        data: expect.objectContaining({'text/html': expect.stringContaining('<table>')}),
      }),
      {kind: 'result', data: {'text/plain': '42'}, metadata: {}},
    ]);
    // The wheel came from the fixture distribution, through the package cache.
    expect(cells.get('c')?.outputs).toEqual([
      {kind: 'result', data: {'text/plain': "'hello from a wheel'"}, metadata: {}},
    ]);
    expect(server.requests).toContain(`/dist/${wheel.fileName}`);
    expect(cells.get('d')).toMatchObject({status: 'ok', outputs: [{kind: 'display'}]});
    expect(cells.get('e')).toMatchObject({status: 'ok', error: {ename: 'ZeroDivisionError'}});
    expect(cells.get('e')?.outputs).toEqual([
      {kind: 'error', error: expect.objectContaining({ename: 'ZeroDivisionError'})},
    ]);
    expect(cells.get('f')).toMatchObject({status: 'skipped', reason: 'execute: off', outputs: []});
    expect(cells.get('g')?.outputs).toEqual([{kind: 'result', data: {'text/plain': '22'}, metadata: {}}]);
    expect(Array.from(cells.keys())).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(executor.pyodideStarts).toBe(1);
  }, 180_000);

  test('a second run executes nothing, and a page whose cells are all cached starts no Pyodide', async () => {
    const again = new PageExecutor(executorOptions());
    try {
      const second = await again.executePage(tutorial(TABLE));
      expect(second.stats).toEqual({executed: 0, cached: 6, replayed: 0, skipped: 1});
      expect(again.pyodideStarts).toBe(0);
      for (const [id, execution] of first.cells) {
        expect(second.cells.get(id)?.outputs).toEqual(execution.outputs);
        expect(second.cells.get(id)?.status).toBe(execution.status);
      }
      expect(second.cells.get('e')).toMatchObject({status: 'ok', fromCache: true, error: {ename: 'ZeroDivisionError'}});

      // The tag is not part of the key: without it, the cached exception is a failure again.
      const untagged = tutorial(TABLE);
      untagged.cells = untagged.cells.map((item) => (item.id === 'e' ? {...item, tags: []} : item));
      const third = await again.executePage(untagged);
      expect(third.cells.get('e')).toMatchObject({
        status: 'error',
        fromCache: true,
        error: {ename: 'ZeroDivisionError'},
      });
      expect(again.pyodideStarts).toBe(0);
    } finally {
      await again.close();
    }
  });

  test('an edited cell re-executes its session from that cell, replaying the cells before it', async () => {
    const edited = await executor.executePage(
      tutorial('from IPython.display import HTML, display\ndisplay(HTML("<table><tr><td>2</td></tr></table>"))\nx * 3'),
    );
    expect(edited.stats).toEqual({executed: 3, cached: 3, replayed: 1, skipped: 1});
    expect(summary(edited)).toEqual({
      a: {status: 'ok', fromCache: true},
      b: {status: 'ok', fromCache: false},
      c: {status: 'ok', fromCache: true},
      d: {status: 'ok', fromCache: false},
      e: {status: 'ok', fromCache: true},
      f: {status: 'skipped', fromCache: false},
      g: {status: 'ok', fromCache: false},
    });
    // Replayed for its state only: b saw the x that a defined.
    expect(edited.cells.get('b')?.outputs.at(-1)).toEqual({kind: 'result', data: {'text/plain': '63'}, metadata: {}});
  }, 120_000);

  test('failures: an exception, a timeout and a doctest mismatch; later cells of a failed session are skipped', async () => {
    const failing = page('docs/failing.md', [
      // Namespaces are fresh per page: the tutorial's `x` is gone.
      cell({id: 'leak', code: 'x', session: 'main', position: {line: 10, column: 1}}),
      cell({id: 'after-leak', code: 'print("unreachable")', session: 'main'}),
      cell({id: 'slow', code: 'while True:\n    pass', session: 'slow', timeout: 1, position: {line: 20, column: 1}}),
      cell({id: 'after-slow', code: '1', session: 'slow'}),
      doctest({id: 'wrong', source: '>>> 1 + 1\n2\n>>> 1 + 2\n4\n', session: 'doc', position: {line: 30, column: 1}}),
      doctest({id: 'after-wrong', source: '>>> "still runs"\n\'still runs\'\n', session: 'doc'}),
      // Code that needs the page: a site-relative URL, open_url's XMLHttpRequest.
      cell({
        id: 'relative-url',
        code: 'from pyodide.http import pyfetch\nawait pyfetch("/data/points.csv")',
        session: 'url',
      }),
      cell({
        id: 'open-url',
        code: 'from pyodide.http import open_url\nopen_url("https://example.org/points.csv")',
        session: 'xhr',
      }),
    ]);
    const result = await executor.executePage(failing);
    expect(summary(result)).toEqual({
      leak: {status: 'error', fromCache: false},
      'after-leak': {status: 'skipped', fromCache: false},
      slow: {status: 'timeout', fromCache: false},
      'after-slow': {status: 'skipped', fromCache: false},
      wrong: {status: 'error', fromCache: false},
      // A doctest mismatch leaves the session as it was: the next block runs.
      'after-wrong': {status: 'ok', fromCache: false},
      'relative-url': {status: 'error', fromCache: false},
      'open-url': {status: 'error', fromCache: false},
    });
    expect(result.cells.get('after-leak')?.reason).toBe('an earlier cell of its session (leak) failed');

    const [leak, slow, wrong] = (['leak', 'slow', 'wrong'] as const).map((id) => {
      const item = failing.cells.find((candidate) => candidate.id === id);
      const execution = result.cells.get(id);
      if (!item || !execution) throw new Error(id);
      return describeCellFailure(item, execution);
    });
    expect(leak).toMatchObject({line: 11, column: 1, summary: "NameError: name 'x' is not defined"});
    expect(leak?.hint).toContain('raises-exception');
    expect(slow).toMatchObject({line: 22, summary: expect.stringMatching(/^TimeoutError: .*time limit of 1 s/)});
    expect(slow?.traceback).toContain('File "<cell slow>", line 2');
    // The second example (line 3 of the block) did not match.
    expect(wrong).toMatchObject({line: 33, summary: 'DoctestFailure: 1 of 2 examples failed'});
    expect(wrong?.traceback).toContain('Expected:\n    4\nGot:\n    3\n');
    for (const id of ['relative-url', 'open-url']) {
      const item = failing.cells.find((candidate) => candidate.id === id);
      const execution = result.cells.get(id);
      if (!item || !execution) throw new Error(id);
      expect(describeCellFailure(item, execution)?.hint).toMatch(/At build, cells run in Node: .*`execute=off`/);
    }

    // Failures are not cached: the next run tries again.
    const cache = new ExecutionCache(path.join(root, 'execution'));
    expect(cache.read(executionCacheKey({kind: 'cell', code: 'x'}, [], []))).toBeUndefined();
  }, 120_000);

  test('a temporary file or a torn entry of an interrupted write is never read as an entry; force runs anyway', async () => {
    const dir = path.join(root, 'execution');
    const fresh = executionCacheKey({kind: 'cell', code: 'print("fresh run")'}, [], []);
    const torn = executionCacheKey({kind: 'cell', code: 'print("torn entry")'}, [], []);
    const stale = JSON.stringify({
      key: fresh,
      kind: 'cell',
      outputs: [{kind: 'stream', name: 'stdout', text: 'stale\n'}],
    });
    mkdirSync(path.join(dir, fresh.slice(0, 2)), {recursive: true});
    writeFileSync(path.join(dir, fresh.slice(0, 2), `${fresh}.json.4242-0badf00d.tmp`), stale);
    mkdirSync(path.join(dir, torn.slice(0, 2)), {recursive: true});
    writeFileSync(path.join(dir, torn.slice(0, 2), `${torn}.json`), stale.slice(0, 30));

    const atomic = page('docs/atomic.md', [
      cell({id: 'fresh', code: 'print("fresh run")', session: 'one'}),
      cell({id: 'torn', code: 'print("torn entry")', session: 'two'}),
    ]);
    const result = await executor.executePage(atomic);
    expect(result.stats).toMatchObject({executed: 2, cached: 0});
    expect(result.cells.get('fresh')?.outputs).toEqual([{kind: 'stream', name: 'stdout', text: 'fresh run\n'}]);
    expect(result.cells.get('torn')?.outputs).toEqual([{kind: 'stream', name: 'stdout', text: 'torn entry\n'}]);

    expect((await executor.executePage(atomic)).stats).toMatchObject({executed: 0, cached: 2});
    expect((await executor.executePage(atomic, {force: true})).stats).toMatchObject({executed: 2, cached: 0});
    expect(executor.pyodideStarts).toBe(1);
    expect(logs.some((line) => line.startsWith('Started Pyodide'))).toBe(true);
  }, 120_000);

  test('a page that needs a package the running Pyodide cannot load from disk restarts it with one that can', async () => {
    const later = page('docs/later.md', [
      cell({id: 'bye', code: 'import farewell\nfarewell.NAME', session: 'later', imports: ['farewell']}),
    ]);
    const result = await executor.executePage(later);
    expect(result.cells.get('bye')).toMatchObject({
      status: 'ok',
      outputs: [{kind: 'result', data: {'text/plain': "'bye'"}}],
    });
    expect(executor.pyodideStarts).toBe(2);
    expect(logs).toContain('Restarting Pyodide to load farewell from the package cache');
  }, 120_000);
});
