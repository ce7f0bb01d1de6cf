import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {PyodideLock} from '@pyodocs/runtime';
import {buildWheel, lockEntry, type PackageServer, pyodideLockInfo, startPackageServer} from '@pyodocs/testing';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {type CheckReport, main} from '../src/index.js';

// `pyodocs check` on a fixture Docusaurus site (test/fixtures/check-site),
// in real Pyodide, with a fixture distribution on localhost serving the one
// wheel a page imports. Runs share caches where they can: a Pyodide start
// costs seconds.

const FIXTURE = fileURLToPath(new URL('./fixtures/check-site/', import.meta.url));
const DOCS_PAGE = fileURLToPath(new URL('../../../website/docs/checking-examples.mdx', import.meta.url));

const wheel = buildWheel({
  name: 'greeting',
  version: '1.0',
  files: {'greeting/__init__.py': "NAME = 'hello from a wheel'\n"},
});
const lock: PyodideLock = {
  info: pyodideLockInfo(),
  packages: {greeting: lockEntry(wheel, {name: 'greeting', version: '1.0', imports: ['greeting']})},
};

const PAGES = [
  'blog/2026-01-01-hello.md',
  'docs/doctests.md',
  'docs/failing.mdx',
  'docs/guides/wheel.md',
  'docs/lint.md',
  'docs/no-cells.md',
  'docs/notebook.md',
  'docs/stdlib.md',
  'docs/timeout.md',
  'src/pages/playground.mdx',
];

/** Without --lint. */
const STATUSES: Record<string, string> = {
  'blog/2026-01-01-hello.md': 'passed',
  'docs/doctests.md': 'passed',
  'docs/failing.mdx': 'failed',
  'docs/guides/wheel.md': 'passed',
  'docs/lint.md': 'passed',
  'docs/no-cells.md': 'no-cells',
  'docs/notebook.md': 'passed',
  'docs/stdlib.md': 'passed',
  'docs/timeout.md': 'failed',
  'src/pages/playground.mdx': 'passed',
};

let server: PackageServer;
let root: string;
let site: string;

async function check(args: string[], cwd = site): Promise<{code: number; out: string; err: string}> {
  const out: string[] = [];
  const err: string[] = [];
  const sources = ['--pyodide-url', server.distributionUrl, '--index-url', 'none'];
  const code = await main(
    ['check', ...args, ...sources],
    (line) => out.push(line),
    (line) => err.push(line),
    cwd,
  );
  return {code, out: out.join('\n'), err: err.join('\n')};
}

function readReport(file: string): CheckReport {
  return JSON.parse(readFileSync(path.resolve(site, file), 'utf8')) as CheckReport;
}

/** The report without what depends on the machine's speed. */
function withoutDurations(report: CheckReport): unknown {
  return JSON.parse(JSON.stringify(report, (key, value) => (key === 'durationMs' ? undefined : value)));
}

function statuses(report: CheckReport): Record<string, string> {
  return Object.fromEntries(report.pages.map((page) => [page.path, page.status]));
}

beforeAll(async () => {
  server = await startPackageServer({distribution: {lock, files: [wheel]}});
  root = mkdtempSync(path.join(tmpdir(), 'pyodocs-check-'));
  site = path.join(root, 'site');
  cpSync(FIXTURE, site, {recursive: true});
});

afterAll(async () => {
  await server?.close();
  rmSync(root, {recursive: true, force: true});
});

describe('pyodocs check', () => {
  let first: CheckReport;

  test('reports every page: passed, failed with file:line and the last traceback line, without cells', async () => {
    const {code, out, err} = await check(['--jobs', '1', '--cache-dir', '../cache-a', '--json', 'report-1.json']);
    expect(code).toBe(1);
    first = readReport('report-1.json');
    // Partials (_partial.md) and folders that are not the site's pages (notes/) are not checked.
    expect(first.pages.map((page) => page.path)).toEqual(PAGES);
    expect(statuses(first)).toEqual(STATUSES);
    expect(out.split('\n')).toEqual([
      'PASS  blog/2026-01-01-hello.md (1 cell)',
      'PASS  docs/doctests.md (1 cell)',
      'FAIL  docs/failing.mdx (3 cells, 1 skipped)',
      '      docs/failing.mdx:12:1: ZeroDivisionError: division by zero',
      'PASS  docs/guides/wheel.md (1 cell)',
      'PASS  docs/lint.md (2 cells)',
      'PASS  docs/notebook.md (3 cells)',
      'PASS  docs/stdlib.md (3 cells)',
      'FAIL  docs/timeout.md (1 cell)',
      '      docs/timeout.md:5:1: TimeoutError: the cell ran longer than its time limit of 1 s and was stopped',
      'PASS  src/pages/playground.mdx (1 cell)',
      expect.stringMatching(/^Hint: If the cell is meant to raise, mark it with the `raises-exception` flag/),
      expect.stringMatching(/^Hint: Give it more time with `timeout=SECONDS`/),
      '10 pages: 7 passed, 2 failed, 0 skipped, 1 without cells. Cells: 15 executed, 0 from the cache, 1 skipped, 2 failed.',
    ]);
    // The "Checking your examples in CI" page shows this very report, hints and all.
    const documented = /## The report[\s\S]*?```text\n([\s\S]*?)```/.exec(readFileSync(DOCS_PAGE, 'utf8'))?.[1];
    expect(out).toBe(documented?.trimEnd());
    expect(err).toContain('[9/9] src/pages/playground.mdx: passed (1 executed)');
    // Pyodide started once with every page's packages: the wheel page did not restart it.
    expect(err.match(/Started Pyodide/g)).toHaveLength(1);
    expect(err).not.toContain('Restarting');

    const failing = first.pages.find((page) => page.path === 'docs/failing.mdx');
    expect(failing?.cells.map(({status, line}) => ({status, line}))).toEqual([
      {status: 'ok', line: 5},
      {status: 'error', line: 9},
      {status: 'skipped', line: 15},
    ]);
    expect(failing?.cells[1]?.failure?.traceback).toContain('ZeroDivisionError: division by zero');
    expect(failing?.cells[2]?.reason).toMatch(/^an earlier cell of its session \(py-[0-9a-f]+\) failed$/);
    // raises-exception: the expected error is the cell's output, not a failure.
    const notebook = first.pages.find((page) => page.path === 'docs/notebook.md');
    expect(notebook?.cells.map((cell) => [cell.status, cell.failure])).toEqual([
      ['ok', undefined],
      ['ok', undefined],
      ['ok', undefined],
    ]);
  }, 300_000);

  test('--jobs 2 gives the same report as --jobs 1', async () => {
    const {code, out} = await check(['--jobs', '2', '--cache-dir', '../cache-b', '--json', 'report-2.json']);
    expect(code).toBe(1);
    expect(withoutDurations(readReport('report-2.json'))).toEqual(withoutDurations(first));
    expect(out).toContain('10 pages: 7 passed, 2 failed, 0 skipped, 1 without cells. Cells: 15 executed');
  }, 300_000);

  test('--shard 1/2 and --shard 2/2 check every page exactly once, from the cache; --lint reports problems and unknown imports', async () => {
    const shards = [];
    for (const shard of ['1/2', '2/2']) {
      const run = await check([
        '--shard',
        shard,
        '--lint',
        '--cache-dir',
        '../cache-a',
        '--json',
        `shard-${shard[0]}.json`,
      ]);
      const report = readReport(`shard-${shard[0]}.json`);
      expect(report.shard).toEqual({index: Number(shard[0]), count: 2});
      expect(run.code).toBe(report.summary.pages.failed > 0 ? 1 : 0);
      shards.push({...run, report});
    }
    const paths = shards.flatMap(({report}) => report.pages.map((page) => page.path));
    expect(paths.sort()).toEqual(PAGES);
    expect(shards.every(({report}) => report.pages.length > 0)).toBe(true);

    const pages = shards.flatMap(({report}) => report.pages);
    // Everything that passed before comes from the cache; only the failures run again.
    for (const page of pages.filter((candidate) =>
      ['passed', 'no-cells'].includes(statuses(first)[candidate.path] ?? ''),
    )) {
      expect([page.path, page.stats.executed]).toEqual([page.path, 0]);
    }
    const lint = pages.find((page) => page.path === 'docs/lint.md');
    expect(lint).toMatchObject({
      status: 'failed',
      problems: [
        {line: 3, column: 15, ruleId: 'pyodocs:unknown-meta-key', message: expect.stringContaining('"sesion"')},
      ],
      unknownImports: [{module: 'pagemodule', line: 14}],
    });
    const text = shards.map(({out}) => out).join('\n');
    expect(text).toContain('      docs/lint.md:3:15: Unknown key "sesion" in the meta of a python code block.');
    expect(text).toContain("WARN  docs/lint.md:14: no package source provides the import 'pagemodule'");
  }, 300_000);

  test('the commands of the "Checking your examples in CI" page, and its own examples', async () => {
    const documented = Array.from(readFileSync(DOCS_PAGE, 'utf8').matchAll(/npx pyodocs (check[^\n`]*)/g), (match) =>
      // The workflow's matrix expression, as GitHub Actions would fill it in.
      (match[1] ?? '').replace(/\$\{\{ matrix\.shard \}\}/g, '2').trim(),
    );
    expect(documented).toEqual(
      expect.arrayContaining([
        'check',
        'check docs blog',
        'check --json pyodocs-report.json',
        'check --lint',
        'check --jobs 4',
        'check --shard 2/4 --cache-dir .cache/pyodocs --json pyodocs-report-2.json',
      ]),
    );
    // A copy of the site whose pages all pass, checked with the cache of the first test: no cell runs again.
    const passing = path.join(root, 'passing-site');
    cpSync(FIXTURE, passing, {recursive: true});
    for (const page of ['docs/failing.mdx', 'docs/timeout.md', 'docs/lint.md']) rmSync(path.join(passing, page));
    // Warm already when the first test ran; this makes the test stand alone.
    expect((await check(['--cache-dir', '../cache-a'], passing)).code).toBe(0);
    for (const command of documented) {
      const [, ...args] = command.split(/\s+/);
      const run = await check([...args, '--cache-dir', '../cache-a'], passing);
      expect([command, run.code, run.err]).toEqual([command, 0, expect.not.stringContaining('Started Pyodide')]);
      const json = args[args.indexOf('--json') + 1];
      if (args.includes('--json') && json !== undefined) expect(existsSync(path.join(passing, json))).toBe(true);
    }

    // `--json -`: the JSON report on stdout, the text one on stderr.
    const piped = await check(['--cache-dir', '../cache-a', '--json', '-', 'docs/stdlib.md'], passing);
    expect(JSON.parse(piped.out).pages).toMatchObject([{path: 'docs/stdlib.md', status: 'passed'}]);
    expect(piped.err).toContain('PASS  docs/stdlib.md (3 cells, 3 from the cache)');

    const own = await check(['--cache-dir', '../cache-a', '--json', 'docs-page.json', DOCS_PAGE]);
    expect(own.code).toBe(0);
    const [page] = readReport('docs-page.json').pages;
    expect(page).toMatchObject({status: 'passed', cells: [{kind: 'doctest', status: 'ok'}]});
  }, 300_000);

  test('usage errors exit with 2 and say what is wrong', async () => {
    for (const [args, message] of [
      [['--shard', '3/2'], '--shard takes i/n with 1 ≤ i ≤ n'],
      [['--jobs', '0'], '--jobs takes a positive whole number'],
      [['--runnable', 'some'], "--runnable takes marked or all, got 'some'"],
      [['--bogus'], "Unknown option '--bogus'"],
      [['no-such-folder'], 'No such file or folder: no-such-folder'],
    ] as const) {
      const run = await check([...args]);
      expect([args, run.code]).toEqual([args, 2]);
      expect(run.err).toContain(message);
    }
  });
});
