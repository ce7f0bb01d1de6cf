import {randomBytes} from 'node:crypto';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {DOCTEST_MIME, type PyodideClient, PyodideLoadError, type RunEvent} from '../src/index.js';
import {createNodeClient} from '../src/node/index.js';
import {serveFolder} from './support/fileServer.js';
import {runToEnd} from './support/recordRun.js';
import {buildWheel, lockEntry, pyodideLockInfo} from './support/wheels.js';

// Packages from a mirror (a folder with pyodide-lock.json + wheels) served
// over http on 127.0.0.1, with wheels this test builds: auto-detection from
// imports, declared packages, wheel URLs, a lock mixing relative names and
// absolute URLs, byte progress and errors that say what really happened.

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

const wheelRemote = buildWheel({
  name: 'remote-pkg',
  version: '1.0',
  files: {'remote_pkg.py': 'WHERE = "remote"\n'},
});
const wheelTampered = buildWheel({name: 'tampered', version: '1.0', files: {'tampered.py': 'X = 1\n'}});
const wheelUnreachable = buildWheel({name: 'unreachable', version: '1.0', files: {'unreachable.py': 'X = 1\n'}});
const wheelUnreachableDep = buildWheel({name: 'Far-Dep', version: '1.0', files: {'far_dep.py': 'X = 1\n'}});

let server: Awaited<ReturnType<typeof serveFolder>>;
// Another host: the lock names its wheel by absolute URL, as a bundled lock names the official distribution's.
let remote: Awaited<ReturnType<typeof serveFolder>>;
const remoteDir = mkdtempSync(path.join(tmpdir(), 'pyodocs-remote-test-'));
let client: PyodideClient;

/** A port nothing listens on: what an offline host looks like. */
async function closedPort(): Promise<number> {
  const probe = await serveFolder(remoteDir);
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return port;
}

beforeAll(async () => {
  writeFileSync(path.join(dir, wheelA.fileName), wheelA.bytes);
  writeFileSync(path.join(dir, wheelB.fileName), wheelB.bytes);
  writeFileSync(path.join(dir, wheelTampered.fileName), wheelTampered.bytes);
  mkdirSync(path.join(dir, 'wheels'));
  writeFileSync(path.join(dir, 'wheels', wheelOwn.fileName), wheelOwn.bytes);
  writeFileSync(path.join(remoteDir, wheelRemote.fileName), wheelRemote.bytes);
  remote = await serveFolder(remoteDir);
  const offline = await closedPort();
  const lock = {
    info: pyodideLockInfo(),
    packages: {
      'demo-a': lockEntry(wheelA, {name: 'demo-a', version: '2.0', imports: ['demo_a'], depends: ['demo-b']}),
      'demo-b': lockEntry(wheelB, {name: 'demo-b', version: '1.0', imports: ['demo_b']}),
      // In the lock, but its file is not served until the retry test writes it.
      late: lockEntry(wheelRetry, {name: 'late', version: '1.0', imports: ['late']}),
      broken: lockEntry(wheelB, {name: 'broken', version: '1.0', imports: ['broken'], depends: ['not-in-lock']}),
      'remote-pkg': {
        ...lockEntry(wheelRemote, {name: 'remote-pkg', version: '1.0', imports: ['remote_pkg']}),
        file_name: `${remote.url}${wheelRemote.fileName}`,
      },
      // Served, but the lock's sha256 is of other bytes.
      tampered: {
        ...lockEntry(wheelTampered, {name: 'tampered', version: '1.0', imports: ['tampered']}),
        sha256: lockEntry(wheelB, {name: 'x', version: '1', imports: []}).sha256,
      },
      unreachable: {
        ...lockEntry(wheelUnreachable, {
          name: 'unreachable',
          version: '1.0',
          imports: ['unreachable'],
          depends: ['far-dep'],
        }),
        file_name: `http://127.0.0.1:${offline}/${wheelUnreachable.fileName}`,
      },
      'far-dep': {
        ...lockEntry(wheelUnreachableDep, {name: 'Far-Dep', version: '1.0', imports: ['far_dep']}),
        file_name: `http://127.0.0.1:${offline}/${wheelUnreachableDep.fileName}`,
      },
    },
  };
  writeFileSync(path.join(dir, 'pyodide-lock.json'), JSON.stringify(lock));
  server = await serveFolder(dir);
  client = createNodeClient({packages: {lockFileUrl: `${server.url}pyodide-lock.json`, baseUrl: server.url}});
  await client.start();
});

afterAll(async () => {
  client?.dispose();
  await server?.close();
  await remote?.close();
  rmSync(dir, {recursive: true, force: true});
  rmSync(remoteDir, {recursive: true, force: true});
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
    expect(error?.evalue).toMatch(/Check the spelling: this site loads only the packages its lock file lists\.$/);
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

  test('a lock may mix relative file names (against baseUrl) and absolute URLs (used as they are)', async () => {
    const {events, outcome} = await runToEnd(client, {code: 'import remote_pkg\nremote_pkg.WHERE', session: 'mixed'});
    expect(outcome).toEqual({status: 'ok'});
    expect(events.at(-1)).toMatchObject({type: 'result', data: {'text/plain': "'remote'"}});
    expect(remote.requests).toEqual([`/${wheelRemote.fileName}`]);
    expect(server.requests.some((request) => request.includes('remote'))).toBe(false);
    expect(progress(events).at(-1)).toEqual({
      package: 'remote_pkg',
      loaded: wheelRemote.bytes.length,
      total: wheelRemote.bytes.length,
    });
  });

  test('a file the server does not have: one line saying so and the source (no docs link unless the site names one); URLs in details; a later run retries', async () => {
    const failed = await runToEnd(client, {code: 'import late\nlate.OK', session: 'retry'});
    expect(failed.outcome).toMatchObject({status: 'error', error: {ename: 'PackageDownloadError'}});
    const error = failed.outcome.status === 'error' ? failed.outcome.error : undefined;
    const host = new URL(server.url).host;
    expect(error?.evalue).toBe(
      [
        'Could not load this package:',
        `  late: ${host} does not serve ${wheelRetry.fileName}`,
        // No page about packages was named: the line ends at the source.
        `Packages come from ${host}/.`,
      ].join('\n'),
    );
    expect(error?.details).toContain(`late: GET ${server.url}${wheelRetry.fileName} → HTTP 404`);
    expect(error?.details).toContain(`lock file: ${server.url}pyodide-lock.json`);
    expect(error?.traceback).toBe(`PackageDownloadError: ${error?.evalue}\n`);
    writeFileSync(path.join(dir, wheelRetry.fileName), wheelRetry.bytes);
    const retried = await runToEnd(client, {code: 'import late\nlate.OK', session: 'retry'});
    expect(retried.outcome).toEqual({status: 'ok'});
    expect(retried.events.at(-1)).toMatchObject({type: 'result', data: {'text/plain': 'True'}});
  });

  test('a host that cannot be reached: "could not reach" it, once for the package and its dependency', async () => {
    const {outcome} = await runToEnd(client, {code: 'import unreachable', session: 'offline'});
    const error = outcome.status === 'error' ? outcome.error : undefined;
    expect(error?.ename).toBe('PackageDownloadError');
    const lock = JSON.parse(readFileSync(path.join(dir, 'pyodide-lock.json'), 'utf8'));
    const url: string = lock.packages.unreachable.file_name;
    expect(error?.evalue).toBe(
      [
        'Could not load these packages:',
        `  Far-Dep, unreachable: could not reach ${new URL(url).host} (offline?)`,
        `Packages come from ${new URL(server.url).host}/.`,
      ].join('\n'),
    );
    expect(error?.details).toContain(`unreachable: GET ${url} → fetch failed`);
    expect(error?.details).toContain(`Far-Dep: GET ${lock.packages['far-dep'].file_name} → fetch failed`);
  });

  test('a file that does not match the sha256 of the lock is refused, saying so', async () => {
    const {outcome} = await runToEnd(client, {code: 'import tampered', session: 'tampered'});
    const error = outcome.status === 'error' ? outcome.error : undefined;
    expect(error?.ename).toBe('PackageDownloadError');
    expect(error?.evalue).toContain(
      `  tampered: ${wheelTampered.fileName} does not match the sha256 in the lock file (the file or the lock is stale)\n`,
    );
    expect(error?.details).toMatch(/tampered: .* expected sha256-\S+, got sha256-\S+/);
  });

  test('a doctest block loads the packages its examples import', async () => {
    const {events, outcome} = await runToEnd(client, {
      code: ">>> import demo_a\n>>> demo_a.VALUE\n'a+b'\n",
      kind: 'doctest',
      session: 'doctest-packages',
    });
    expect(outcome).toEqual({status: 'ok'});
    const report = events.find((event) => event.type === 'display');
    expect(report?.type === 'display' && report.data[DOCTEST_MIME]).toMatchObject({attempted: 2, failed: 0});
  });
});

describe('packages from a folder on disk (Node)', () => {
  test('a lock file path and a directory base; a missing file: "the folder … has no …", with the chosen docs link', async () => {
    const local = createNodeClient({
      packages: {lockFileUrl: path.join(dir, 'pyodide-lock.json'), baseUrl: dir},
      packagesHelpUrl: 'https://docs.example.org/packages',
    });
    try {
      const ok = await runToEnd(local, {code: 'import demo_a\ndemo_a.VALUE', session: 'disk'});
      expect(ok.outcome).toEqual({status: 'ok'});
      rmSync(path.join(dir, wheelRetry.fileName), {force: true});
      const {outcome} = await runToEnd(local, {code: 'import late', session: 'disk'});
      const evalue = outcome.status === 'error' ? outcome.error.evalue : '';
      expect(evalue).toContain(`  late: the folder ${dir}/ has no ${wheelRetry.fileName}\n`);
      expect(evalue).toMatch(/See https:\/\/docs\.example\.org\/packages$/);
    } finally {
      local.dispose();
    }
  });

  test('a lock file that does not exist fails the start, naming it and the option', async () => {
    const missing = path.join(dir, 'no-such-lock.json');
    const broken = createNodeClient({packages: {lockFileUrl: missing}});
    try {
      await expect(broken.start()).rejects.toThrow(PyodideLoadError);
      expect(broken.status).toMatchObject({state: 'crashed', message: expect.stringContaining('packages.lockFileUrl')});
      expect(broken.status.state === 'crashed' && broken.status.message).toContain(`file://${missing} does not exist`);
    } finally {
      broken.dispose();
    }
  });
});
