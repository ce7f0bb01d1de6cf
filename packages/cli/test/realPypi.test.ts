import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createNodeClient} from '@pyodocs/runtime/node';
import {buildWheel} from '@pyodocs/testing';
import {afterAll, expect, test} from 'vitest';
// The library's PyPI fixture.
import {startFakePypi} from '../../build/test/support/fakePypi.js';
import {mirrorPackages} from '../src/index.js';

// One real run against PyPI (reachable here and in CI) for a tiny pure
// package, then the mirror loaded into real Pyodide.
const out = mkdtempSync(path.join(tmpdir(), 'pyodocs-real-mirror-'));
const cacheDir = mkdtempSync(path.join(tmpdir(), 'pyodocs-real-cache-'));

afterAll(() => {
  rmSync(out, {recursive: true, force: true});
  rmSync(cacheDir, {recursive: true, force: true});
});

test('mirrors tabulate from PyPI; Pyodide imports it, and micropip, from the mirror', async () => {
  // pyodideUrl null: the Pyodide CDN is not reachable from this machine.
  const result = await mirrorPackages({packages: ['tabulate'], outDir: out, pyodideUrl: null, cacheDir});
  expect(result.packages.map((item) => item.name).sort()).toEqual(['micropip', 'packaging', 'tabulate']);
  const lock = JSON.parse(readFileSync(result.lockFile, 'utf8')) as {packages: Record<string, {imports: string[]}>};
  expect(lock.packages.tabulate?.imports).toEqual(['tabulate']);

  const client = createNodeClient({packages: {lockFileUrl: `${out}/pyodide-lock.json`}});
  try {
    const events: unknown[] = [];
    const run = client.run(
      {
        code: 'import tabulate, micropip\nprint(tabulate.tabulate([[1, 2]], headers=["a", "b"]))\nmicropip.__name__',
        session: 'real',
      },
      (event) => events.push(event),
    );
    expect(await run.done, JSON.stringify(events)).toEqual({status: 'ok'});
    const stdout = events
      .map((event) => ((event as {type: string}).type === 'stream' ? (event as {text: string}).text : ''))
      .join('');
    expect(stdout).toMatch(/a +b\n-+ +-+\n +1 +2\n/);
    expect(events.at(-1)).toEqual({type: 'result', data: {'text/plain': "'micropip'"}, metadata: {}});
  } finally {
    client.dispose();
  }
});

test('with packages.indexUrls, a declared name that is not in the lock is installed by micropip (from the mirror) from that index', async () => {
  const wheel = buildWheel({
    name: 'from-index',
    version: '1.0',
    files: {'from_index.py': 'WHERE = "the allowed index"\n'},
  });
  const index = await startFakePypi({'from-index': [{version: '1.0', wheels: [wheel]}]}, {}, {absoluteUrls: true});
  const client = createNodeClient({
    packages: {lockFileUrl: `${out}/pyodide-lock.json`, indexUrls: [`${index.url}/pypi/{package_name}/json`]},
  });
  try {
    const events: unknown[] = [];
    const run = client.run(
      {code: 'import from_index\nfrom_index.WHERE', session: 'index', packages: ['from-index']},
      (event) => events.push(event),
    );
    expect(await run.done, JSON.stringify(events)).toEqual({status: 'ok'});
    expect(events.at(-1)).toEqual({type: 'result', data: {'text/plain': "'the allowed index'"}, metadata: {}});
    expect(index.requests).toContain(`/files/${wheel.fileName}`);
    const missing = await client.run({code: '1', session: 'index', packages: ['not-on-index']}).done;
    expect(missing.status === 'error' && missing.error).toMatchObject({
      ename: 'PackageNotFoundError',
      evalue: expect.stringMatching(
        /^Could not install not-on-index from http:\/\/127\.0\.0\.1:\d+\/pypi\/\{package_name\}\/json: ValueError: Can't fetch metadata for 'not-on-index'/,
      ),
    });
    // Without an allowed index, the same request is refused before any code runs.
    const refused = createNodeClient({packages: {lockFileUrl: `${out}/pyodide-lock.json`}});
    try {
      const outcome = await refused.run({code: '1', session: 'no-index', packages: ['from-index']}).done;
      expect(outcome.status === 'error' && outcome.error.evalue).toContain(
        "No package named 'from-index' in the lock file at",
      );
    } finally {
      refused.dispose();
    }
  } finally {
    client.dispose();
    await index.close();
  }
});
