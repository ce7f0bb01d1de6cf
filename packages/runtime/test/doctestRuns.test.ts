import {describe, expect, test} from 'vitest';
import {DOCTEST_MIME, type DoctestReport, type RunEvent, type RunOutcome} from '../src/index.js';
import {printed, recordRun} from './support/recordRun.js';
import {startedNodeClient} from './support/nodeClient.js';

// Runs of kind 'doctest' in real Pyodide: the block exactly as documented
// goes to CPython's DocTestRunner (pyodocs_doctest.py) in the session
// namespace; one report comes back as a display output. Shared memory on, so
// Stop interrupts any example.
const client = startedNodeClient({sharedMemory: true, interruptGraceMs: 10_000});

interface DoctestRun {
  report: DoctestReport;
  events: RunEvent[];
  outcome: RunOutcome;
}

async function runDoctest(text: string, session: string, cellId = 'py-doc'): Promise<DoctestRun> {
  const run = recordRun(client, {code: text, kind: 'doctest', session, cellId});
  const outcome = await run.done;
  const displays = run.events.flatMap((event) => (event.type === 'display' ? [event.data] : []));
  expect(displays).toHaveLength(1);
  return {report: displays[0]?.[DOCTEST_MIME] as DoctestReport, events: run.events, outcome};
}

const statuses = (report: DoctestReport) => report.examples.map((example) => example.status);

describe('doctest runs', () => {
  test('matches and mismatches follow CPython doctest: ELLIPSIS, NORMALIZE_WHITESPACE, SKIP, <BLANKLINE>, exceptions', async () => {
    const {report, outcome, events} = await runDoctest(
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
        '>>> list(range(3))  # without +ELLIPSIS, ... is literal',
        '[0, ..., 2]',
      ].join('\n'),
      'rules',
    );
    expect(outcome).toEqual({status: 'ok'});
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
      'mismatch',
    ]);
    expect(report.examples[2]).toMatchObject({lineno: 3, source: 'math.sqrt(16)\n', want: '5.0\n', got: '4.0\n'});
    expect(report.examples[9]?.got).toContain("KeyError: 'k'");
    // Python 3.13+ counts skipped examples as attempted.
    expect(report).toMatchObject({attempted: 12, failed: 4});
    expect(report.stoppedAt).toBeUndefined();
    // What the examples print is judged, not streamed into the cell.
    expect(events.some((event) => event.type === 'stream')).toBe(false);
    const display = events.find((event) => event.type === 'display');
    expect(display?.type === 'display' && display.data['text/plain']).toBe('doctest: 7 of 12 examples match');
  });

  test('the text reaches Python byte for byte: $ patterns, backslashes, quotes', async () => {
    const {report} = await runDoctest(
      [
        '>>> from string import Template',
        ">>> Template('$$10').substitute()",
        "'$10'",
        ">>> '$& $` $\\' $$ $1'",
        '"$& $` $\' $$ $1"',
        '>>> print("\\\\n is a backslash and an n")',
        '\\n is a backslash and an n',
        '>>> """triple \'\'\' quotes"""',
        "\"triple ''' quotes\"",
      ].join('\n'),
      'bytes',
    );
    expect(statuses(report)).toEqual(['match', 'match', 'match', 'match', 'match']);
    expect(report.examples[1]?.source).toBe("Template('$$10').substitute()\n");
  });

  test('names the examples define stay in the session; the harness leaves nothing behind', async () => {
    await runDoctest('>>> shared = 21\n', 'session');
    const after = await recordRun(client, {
      code: 'print(shared * 2, sorted(k for k in globals() if "doctest" in k))',
      session: 'session',
    });
    await after.done;
    expect(after.events).toContainEqual({type: 'stream', name: 'stdout', text: '42 []\n'});
    const {report} = await runDoctest('>>> shared\n21\n', 'session');
    expect(statuses(report)).toEqual(['match']);
  });

  test('Stop during an example: the examples before it keep their results, stoppedAt names it, no harness frames', async () => {
    const run = recordRun(client, {
      code: [
        '>>> 1 + 1',
        '2',
        '>>> 2 + 2',
        '5',
        '>>> import os, time',
        '>>> os.write(1, b"sleeping\\n"); time.sleep(30)',
        '>>> never = True',
      ].join('\n'),
      kind: 'doctest',
      session: 'stopped',
      cellId: 'py-stop',
    });
    // doctest captures sys.stdout; a write to fd 1 still reaches the cell, so the test knows the sleep began.
    await printed(run, 'sleeping');
    client.stop(run.id);
    const outcome = await run.done;
    expect(outcome).toMatchObject({status: 'error', error: {ename: 'KeyboardInterrupt'}});
    const report = run.events.flatMap((event) => (event.type === 'display' ? [event.data[DOCTEST_MIME]] : []))[0] as
      | DoctestReport
      | undefined;
    expect(report?.stoppedAt).toBe(3);
    expect(report && statuses(report)).toEqual(['match', 'mismatch', 'match', 'skipped', 'skipped']);
    // As DocTestRunner counts: the examples before the stopped one.
    expect(report).toMatchObject({attempted: 3, failed: 1});
    const traceback = outcome.status === 'error' ? outcome.error.traceback : '';
    const line = '    os.write(1, b"sleeping\\n"); time.sleep(30)';
    // The interrupt lands in time.sleep, or (on a loaded machine, where the
    // stream event arrives before the sleep began) as os.write returns.
    const sleepCarets = `${' '.repeat(line.indexOf('time.sleep'))}~~~~~~~~~~^^^^`;
    const writeCarets = `${' '.repeat(line.indexOf('os.write'))}${'~'.repeat('os.write'.length)}${'^'.repeat('(1, b"sleeping\\n")'.length)}`;
    const lines = traceback.split('\n');
    expect(lines).toEqual([
      'Traceback (most recent call last):',
      '  File "<doctest py-stop[3]>", line 1, in <module>',
      line,
      expect.stringMatching(/^\s+[~^]+$/),
      'KeyboardInterrupt',
      '',
    ]);
    expect([sleepCarets, writeCarets]).toContain(lines[3]);
    const display = run.events.find((event) => event.type === 'display');
    expect(display?.type === 'display' && display.data['text/plain']).toBe('doctest: stopped at example 4 of 5');
    // The session lives on, with what the examples before the stop defined.
    const after = recordRun(client, {code: "print('time' in globals(), 'never' in globals())", session: 'stopped'});
    await after.done;
    expect(after.events).toContainEqual({type: 'stream', name: 'stdout', text: 'True False\n'});
  });

  test('an example that raises KeyboardInterrupt stops the block the same way', async () => {
    const {report, outcome} = await runDoctest(
      '>>> a = 1\n>>> def stop():\n...     raise KeyboardInterrupt\n>>> stop()\n>>> a\n1\n',
      'raises',
      'py-raise',
    );
    expect(report.stoppedAt).toBe(2);
    expect(statuses(report)).toEqual(['match', 'match', 'skipped', 'skipped']);
    const traceback = outcome.status === 'error' ? outcome.error.traceback : '';
    expect(traceback).toContain('File "<doctest py-raise[2]>", line 1, in <module>');
    expect(traceback).toContain('File "<doctest py-raise[1]>", line 2, in stop');
    expect(traceback).not.toMatch(/pyodocs|doctest\.py|CodeRunner/);
  });

  test('a block doctest cannot parse ends the run with its error and no stack', async () => {
    const run = recordRun(client, {
      code: '>>> x = 1\n>>>y = 2\n',
      kind: 'doctest',
      session: 'bad',
      cellId: 'py-bad',
    });
    const outcome = await run.done;
    expect(outcome).toMatchObject({status: 'error', error: {ename: 'ValueError'}});
    const traceback = outcome.status === 'error' ? outcome.error.traceback : '';
    expect(traceback).toBe("ValueError: line 2 of the docstring for py-bad lacks blank after >>>: '>>>y = 2'\n");
  });
});
