import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createNodeClient} from '@pyodocs/runtime/node';
import {afterAll, expect, test} from 'vitest';
import {mirrorPackages} from '../src/index.js';

// One real run against PyPI (reachable here and in CI) for a tiny pure
// package, then the mirror loaded into real Pyodide.
const out = mkdtempSync(path.join(tmpdir(), 'pyodocs-real-mirror-'));

afterAll(() => {
  rmSync(out, {recursive: true, force: true});
});

test('mirrors tabulate from PyPI; Pyodide imports it, and micropip, from the mirror', async () => {
  // pyodideUrl null: the Pyodide CDN is not reachable from this machine.
  const result = await mirrorPackages({packages: ['tabulate'], outDir: out, pyodideUrl: null});
  expect(result.packages.map((item) => item.name).sort()).toEqual(['micropip', 'packaging', 'tabulate']);
  const lock = JSON.parse(readFileSync(result.lockFile, 'utf8')) as {packages: Record<string, {imports: string[]}>};
  expect(lock.packages.tabulate?.imports).toEqual(['tabulate']);

  const client = createNodeClient({packageBaseUrl: `${out}/`});
  try {
    const events: unknown[] = [];
    const run = client.run(
      {code: 'import tabulate, micropip\nprint(tabulate.tabulate([[1, 2]], headers=["a", "b"]))\nmicropip.__name__', session: 'real'},
      (event) => events.push(event),
    );
    expect(await run.done, JSON.stringify(events)).toEqual({status: 'ok'});
    const stdout = events.map((event) => ((event as {type: string}).type === 'stream' ? (event as {text: string}).text : '')).join('');
    expect(stdout).toMatch(/a +b\n-+ +-+\n +1 +2\n/);
    expect(events.at(-1)).toEqual({type: 'result', data: {'text/plain': "'micropip'"}, metadata: {}});
  } finally {
    client.dispose();
  }
});
