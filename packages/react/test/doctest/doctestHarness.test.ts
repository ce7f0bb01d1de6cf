// @vitest-environment node
/**
 * The doctest harness in real Pyodide (Node): CPython's doctest runs the
 * documented examples in the session namespace and reports each outcome.
 */
import {createRequire} from 'node:module';
import {dirname} from 'node:path';
import type {MimeBundle, PyodideClient} from '@pyodocs/runtime';
import {createNodeClient} from '@pyodocs/runtime/node';
import {afterAll, describe, expect, test} from 'vitest';
import {doctestHarnessCode, readDoctestReport, type DoctestReport} from '../../src/doctest/doctestHarness.js';

const runtimePackage = createRequire(import.meta.url).resolve('@pyodocs/runtime/package.json');
const client: PyodideClient = createNodeClient({
  workerUrl: `${dirname(runtimePackage)}/dist/node-worker.js`,
  indexURL: `${dirname(createRequire(runtimePackage).resolve('pyodide/package.json'))}/`,
});
afterAll(() => client.dispose());

async function run(code: string, session: string): Promise<{displays: MimeBundle[]; outcome: string; streams: string}> {
  const displays: MimeBundle[] = [];
  let streams = '';
  const handle = client.run({code, session}, (event) => {
    if (event.type === 'display') displays.push(event.data);
    if (event.type === 'stream') streams += event.text;
  });
  const outcome = await handle.done;
  return {displays, outcome: outcome.status, streams};
}

async function runDoctest(text: string, session: string): Promise<DoctestReport> {
  const {displays, outcome} = await run(doctestHarnessCode(text, 'example'), session);
  expect(outcome).toBe('ok');
  expect(displays).toHaveLength(1);
  const report = readDoctestReport(displays[0] ?? {});
  if (!report) throw new Error('no doctest report');
  return report;
}

const statuses = (report: DoctestReport) => report.examples.map((example) => example.status);

describe('doctest harness in Pyodide', {timeout: 180_000}, () => {
  test('matches and mismatches follow doctest rules', async () => {
    const report = await runDoctest(
      [
        '>>> import math',
        '>>> math.sqrt(16)',
        '4.0',
        '>>> math.sqrt(16)',
        '5.0',
        '>>> for i in range(2):',
        '...     print(i)',
        '0',
        '1',
        '>>> list(range(20))  # doctest: +ELLIPSIS',
        '[0, 1, ..., 19]',
        '>>> print(list(range(5)))  # doctest: +NORMALIZE_WHITESPACE',
        '[0,   1,  2,',
        ' 3, 4]',
        '>>> print("a\\n\\nb")',
        'a',
        '<BLANKLINE>',
        'b',
        '>>> 1/0',
        'Traceback (most recent call last):',
        '  ...',
        'ZeroDivisionError: division by zero',
        '>>> int("x")',
        'Traceback (most recent call last):',
        'ValueError: wrong message',
        '>>> {}["k"]',
        '1',
        '>>> 1  # doctest: +SKIP',
        '2',
      ].join('\n'),
      'doctest-rules',
    );
    expect(statuses(report)).toEqual([
      'match',
      'match',
      'mismatch',
      'match',
      'match',
      'match',
      'match',
      'match',
      'mismatch',
      'mismatch',
      'skipped',
    ]);
    expect(report.examples[2]).toMatchObject({want: '5.0\n', got: '4.0\n'});
    expect(report.examples[9]?.got).toContain("KeyError: 'k'");
    expect(report.failed).toBe(3);
  });

  test('names defined by examples stay in the session; the harness leaves nothing behind', async () => {
    await runDoctest('>>> shared = 21\n', 'doctest-session');
    const after = await run('print(shared * 2, "__pyodocs_doctest" in globals())', 'doctest-session');
    expect(after.streams).toBe('42 False\n');
    const report = await runDoctest('>>> shared\n21\n', 'doctest-session');
    expect(statuses(report)).toEqual(['match']);
  });

  test("the examples' imports are visible to the runtime's package loader, never executed twice", async () => {
    const code = doctestHarnessCode('>>> import fractions\n>>> from json import dumps as d\n', 'x', [
      'import fractions\n',
      'from json import dumps as d\n',
      'x = 1  # import not at the start\n',
    ]);
    expect(
      code.startsWith(
        'if False:  # imports the examples need\n    import fractions\n    from json import dumps as d\n',
      ),
    ).toBe(true);
    const {displays, outcome} = await run(code, 'doctest-imports');
    expect(outcome).toBe('ok');
    expect(readDoctestReport(displays[0] ?? {})?.examples.map((example) => example.status)).toEqual(['match', 'match']);
  });

  test('printed output of the examples does not leak into the cell', async () => {
    const {streams, displays} = await run(
      doctestHarnessCode('>>> print("quiet")\nquiet\n', 'example'),
      'doctest-quiet',
    );
    expect(streams).toBe('');
    expect(displays[0]?.['text/plain']).toBe('doctest: 1 of 1 examples match');
  });
});
