import {randomBytes} from 'node:crypto';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {PyodideClient, RunEvent} from '../src/index.js';
import {createNodeClient} from '../src/node/index.js';
import {serveFolder} from './support/fileServer.js';
import {runToEnd} from './support/recordRun.js';
import {buildWheel, lockEntry, pyodideLockInfo} from './support/wheels.js';

// Packages from a mirror (a folder with pyodide-lock.json + wheels) served
// over http on 127.0.0.1, with wheels this test builds: auto-detection from
// imports, declared packages, wheel URLs, byte progress and errors.

const dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-mirror-test-'));
// Incompressible, so the wheel is big enough for several progress events.
const padding = `# ${randomBytes(300_000).toString('base64')}\n`;
const wheelB = buildWheel({name: 'demo-b', version: '1.0', files: {'demo_b/__init__.py': `${padding}VALUE = "b"\n`}});
const wheelA = buildWheel({
  name: 'demo-a',
  version: '2.0',
  files: {'demo_a/__init__.py': 'import demo_b\nVALUE = "a+" + demo_b.VALUE\n'},
  requires: ['demo-b'],
});
const wheelOwn = buildWheel({
  name: 'own-pkg',
  version: '0.1',
  files: {'own_pkg.py': 'def hello():\n    return "hello from own_pkg"\n'},
});
const wheelRetry = buildWheel({name: 'late', version: '1.0', files: {'late/__init__.py': 'OK = True\n'}});

let server: Awaited<ReturnType<typeof serveFolder>>;
let client: PyodideClient;

beforeAll(async () => {
  writeFileSync(path.join(dir, wheelA.fileName), wheelA.bytes);
  writeFileSync(path.join(dir, wheelB.fileName), wheelB.bytes);
  mkdirSync(path.join(dir, 'wheels'));
  writeFileSync(path.join(dir, 'wheels', wheelOwn.fileName), wheelOwn.bytes);
  const lock = {
    info: pyodideLockInfo(),
    packages: {
      'demo-a': lockEntry(wheelA, {name: 'demo-a', version: '2.0', imports: ['demo_a'], depends: ['demo-b']}),
      'demo-b': lockEntry(wheelB, {name: 'demo-b', version: '1.0', imports: ['demo_b']}),
      // In the lock, but its file is not served until the retry test writes it.
      late: lockEntry(wheelRetry, {name: 'late', version: '1.0', imports: ['late']}),
      broken: lockEntry(wheelB, {name: 'broken', version: '1.0', imports: ['broken'], depends: ['not-in-lock']}),
    },
  };
  writeFileSync(path.join(dir, 'pyodide-lock.json'), JSON.stringify(lock));
  server = await serveFolder(dir);
  client = createNodeClient({packageBaseUrl: server.url});
  await client.start();
});

afterAll(async () => {
  client?.dispose();
  await server?.close();
  rmSync(dir, {recursive: true, force: true});
});

function progress(events: RunEvent[]): Array<{package: string; loaded: number; total: number | null}> {
  return events.flatMap((event) =>
    event.type === 'progress' ? [{package: event.package, loaded: event.loaded, total: event.total}] : [],
  );
}

describe('packages from a mirror', () => {
  test('imports are detected: the lock package providing them and its dependencies load first, with byte progress', async () => {
    const {events, outcome} = await runToEnd(client, {code: 'import demo_a\ndemo_a.VALUE', session: 'auto'});
    expect(outcome).toEqual({status: 'ok'});
    expect(events.at(-1)).toEqual({type: 'result', data: {'text/plain': "'a+b'"}, metadata: {}});
    const bytes = progress(events);
    const forB = bytes.filter((event) => event.package === 'demo_b');
    expect(forB.length).toBeGreaterThan(2);
    expect(forB[0]).toEqual({package: 'demo_b', loaded: 0, total: wheelB.bytes.length});
    expect(forB.at(-1)).toEqual({package: 'demo_b', loaded: wheelB.bytes.length, total: wheelB.bytes.length});
    // Progress only grows, and comes before any output.
    expect(forB.map((event) => event.loaded)).toEqual([...forB.map((event) => event.loaded)].sort((x, y) => x - y));
    expect(progress(events).some((event) => event.package === 'demo_a')).toBe(true);
    const firstOutput = events.findIndex((event) => event.type === 'result');
    expect(events.slice(firstOutput).some((event) => event.type === 'progress')).toBe(false);
    expect(server.requests).toContain(`/${wheelB.fileName}`);
  });

  test('a loaded package is not downloaded again', async () => {
    const before = server.requests.length;
    const {events, outcome} = await runToEnd(client, {
      code: 'import demo_b\ndemo_b.VALUE',
      session: 'again',
      packages: ['demo-b'],
    });
    expect(outcome).toEqual({status: 'ok'});
    expect(progress(events)).toEqual([]);
    expect(server.requests.length).toBe(before);
  });

  test('a wheel URL in packages is installed and importable', async () => {
    const {events, outcome} = await runToEnd(client, {
      code: 'import own_pkg\nown_pkg.hello()',
      session: 'own',
      packages: [`${server.url}wheels/${wheelOwn.fileName}`],
    });
    expect(outcome).toEqual({status: 'ok'});
    expect(events.at(-1)).toMatchObject({type: 'result', data: {'text/plain': "'hello from own_pkg'"}});
  });

  test('a package that exists nowhere: an error naming it and the lock file; nothing runs', async () => {
    const {events, outcome} = await runToEnd(client, {
      code: 'print("ran")',
      session: 'missing',
      packages: ['no-such-package-xyz'],
    });
    expect(outcome).toMatchObject({status: 'error', error: {ename: 'PackageNotFoundError'}});
    const error = outcome.status === 'error' ? outcome.error : undefined;
    expect(error?.evalue).toContain("No package named 'no-such-package-xyz'");
    expect(error?.evalue).toContain(`${server.url}pyodide-lock.json`);
    expect(events.some((event) => event.type === 'stream')).toBe(false);
  });

  test('a lock entry whose dependency is missing names the missing one', async () => {
    const {outcome} = await runToEnd(client, {code: '1', session: 'broken', packages: ['broken']});
    expect(outcome.status === 'error' && outcome.error.evalue).toContain("No package named 'not-in-lock'");
  });

  test('an import no lock entry provides is left to Python, whose error then says where it looked', async () => {
    const {outcome} = await runToEnd(client, {code: 'import surely_not_a_module', session: 'py-missing'});
    expect(outcome).toMatchObject({
      status: 'error',
      error: {ename: 'ModuleNotFoundError', evalue: "No module named 'surely_not_a_module'"},
    });
    const traceback = outcome.status === 'error' ? outcome.error.traceback : '';
    expect(traceback).toContain(
      `ModuleNotFoundError: No module named 'surely_not_a_module'\nNo package in the lock file at ${server.url}pyodide-lock.json provides 'surely_not_a_module'`,
    );
    // An ImportError raised for another reason keeps its own text.
    const other = await runToEnd(client, {
      code: 'raise ModuleNotFoundError("mine", name="other")',
      session: 'py-missing',
    });
    expect(other.outcome.status === 'error' && other.outcome.error.traceback).not.toContain('lock file');
  });

  test('a failed download names the package and its URL; running again after the cause is fixed works', async () => {
    const failed = await runToEnd(client, {code: 'import late\nlate.OK', session: 'retry'});
    expect(failed.outcome).toMatchObject({status: 'error', error: {ename: 'PackageDownloadError'}});
    const evalue = failed.outcome.status === 'error' ? failed.outcome.error.evalue : '';
    expect(evalue).toContain('late');
    expect(evalue).toContain(`${server.url}${wheelRetry.fileName}`);
    expect(evalue).toContain('run the cell again');
    writeFileSync(path.join(dir, wheelRetry.fileName), wheelRetry.bytes);
    const retried = await runToEnd(client, {code: 'import late\nlate.OK', session: 'retry'});
    expect(retried.outcome).toEqual({status: 'ok'});
    expect(retried.events.at(-1)).toMatchObject({type: 'result', data: {'text/plain': 'True'}});
  });
});
