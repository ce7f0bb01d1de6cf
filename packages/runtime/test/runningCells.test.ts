import {describe, expect, test} from 'vitest';
import type {RunEvent} from '../src/index.js';
import {recordRun, resultText, runToEnd} from './support/recordRun.js';
import {startedNodeClient} from './support/nodeClient.js';

// One worker (one Pyodide load) for the whole file; every test uses its own
// session so they stay independent.
const client = startedNodeClient();

function streams(events: RunEvent[]): Array<[string, string]> {
  return events.flatMap((event) => (event.type === 'stream' ? [[event.name, event.text] as [string, string]] : []));
}

describe('a started client', () => {
  test('is ready with the Pyodide and Python versions', () => {
    expect(client.status).toEqual({
      state: 'ready',
      pyodideVersion: '314.0.7',
      pythonVersion: expect.stringMatching(/^3\.14\./),
      boot: 'fresh',
    });
    expect(client.stats.workerStarts).toBe(1);
  });
});

describe('results', () => {
  test('the final expression becomes a text/plain result', async () => {
    const {events, outcome} = await runToEnd(client, {code: 'a = 40\na + 5', session: 'results'});
    expect(outcome).toEqual({status: 'ok'});
    expect(events).toEqual([
      {type: 'queued'},
      {type: 'started'},
      {type: 'result', data: {'text/plain': '45'}, metadata: {}},
    ]);
  });

  test('the result is the repr of the value', async () => {
    const {events} = await runToEnd(client, {code: '"text", [1, None]', session: 'results'});
    expect(resultText(events)).toBe("('text', [1, None])");
  });

  test.each([
    {title: 'a trailing semicolon', code: '1 + 1;'},
    {title: 'a trailing semicolon before a comment', code: '1 + 1;  # quiet'},
    {title: 'a None value', code: 'None'},
    {title: 'a statement', code: 'b = 2'},
    {title: 'a call returning None', code: 'print("printed")'},
    {title: 'an empty cell', code: ''},
  ])('no result for $title', async ({code}) => {
    const {events, outcome} = await runToEnd(client, {code, session: 'quiet'});
    expect(outcome).toEqual({status: 'ok'});
    expect(events.filter((event) => event.type === 'result')).toEqual([]);
  });

  test('display() sends display outputs in order, before the result', async () => {
    const {events} = await runToEnd(client, {code: 'display("a", 1)\nprint("between")\n2', session: 'display'});
    expect(events.slice(2)).toEqual([
      {type: 'display', data: {'text/plain': "'a'"}, metadata: {}},
      {type: 'display', data: {'text/plain': '1'}, metadata: {}},
      {type: 'stream', name: 'stdout', text: 'between\n'},
      {type: 'result', data: {'text/plain': '2'}, metadata: {}},
    ]);
  });

  test('top-level await works', async () => {
    const {events, outcome} = await runToEnd(client, {
      code: 'import asyncio\nawait asyncio.sleep(0.01)\n"awaited"',
      session: 'await',
    });
    expect(outcome).toEqual({status: 'ok'});
    expect(resultText(events)).toBe("'awaited'");
  });
});

describe('streams', () => {
  test('each print arrives as its own stdout event, in order, before the result', async () => {
    const {events} = await runToEnd(client, {
      code: 'print("one")\nprint("two", 2)\nprint("three")\n"value"',
      session: 'streams',
    });
    expect(events).toEqual([
      {type: 'queued'},
      {type: 'started'},
      {type: 'stream', name: 'stdout', text: 'one\n'},
      {type: 'stream', name: 'stdout', text: 'two 2\n'},
      {type: 'stream', name: 'stdout', text: 'three\n'},
      {type: 'result', data: {'text/plain': "'value'"}, metadata: {}},
    ]);
  });

  test('stderr is its own stream, interleaved in the order written', async () => {
    const {events} = await runToEnd(client, {
      code: 'import sys\nprint("out 1")\nprint("err", file=sys.stderr)\nprint("out 2")',
      session: 'streams',
    });
    expect(streams(events)).toEqual([
      ['stdout', 'out 1\n'],
      ['stderr', 'err\n'],
      ['stdout', 'out 2\n'],
    ]);
  });

  test('output is streamed while the cell runs, not only at its end', async () => {
    const arrivals: Array<{text: string; at: number; runFinished: boolean}> = [];
    let runFinished = false;
    const handle = client.run(
      {code: 'import asyncio\nprint("early")\nawait asyncio.sleep(0.3)\nprint("late")', session: 'streams'},
      (event) => {
        if (event.type === 'stream') arrivals.push({text: event.text, at: performance.now(), runFinished});
      },
    );
    await handle.done.then(() => {
      runFinished = true;
    });
    expect(arrivals.map((arrival) => arrival.text)).toEqual(['early\n', 'late\n']);
    const [early, late] = arrivals;
    expect(early?.runFinished).toBe(false);
    expect(late!.at - early!.at).toBeGreaterThan(200);
  });

  test('a line without a newline is sent when the cell ends', async () => {
    const {events} = await runToEnd(client, {code: 'print("no newline", end="")', session: 'streams'});
    expect(streams(events)).toEqual([['stdout', 'no newline']]);
  });

  test('writes to the file descriptor (as C code does) are streamed too', async () => {
    const {events} = await runToEnd(client, {code: 'import os\nos.write(1, b"from fd 1\\n");', session: 'streams'});
    expect(streams(events)).toEqual([['stdout', 'from fd 1\n']]);
  });
});

describe('sessions', () => {
  test('runs of one session share a namespace', async () => {
    await runToEnd(client, {code: 'x = 1', session: 'shared'});
    const {events} = await runToEnd(client, {code: 'x + 1', session: 'shared'});
    expect(resultText(events)).toBe('2');
  });

  test('sessions are isolated from each other', async () => {
    await runToEnd(client, {code: 'only_in_a = "a"', session: 'isolated-a'});
    const {outcome} = await runToEnd(client, {code: 'only_in_a', session: 'isolated-b'});
    expect(outcome).toMatchObject({status: 'error', error: {ename: 'NameError'}});
  });

  test('a session runs as __main__', async () => {
    const {events} = await runToEnd(client, {code: '__name__', session: 'main'});
    expect(resultText(events)).toBe("'__main__'");
  });

  test('resetSession forgets that session only', async () => {
    await runToEnd(client, {code: 'kept = "reset-me"', session: 'reset-me'});
    await runToEnd(client, {code: 'kept = "other"', session: 'reset-other'});
    await client.resetSession('reset-me');
    const forgotten = await runToEnd(client, {code: 'kept', session: 'reset-me'});
    expect(forgotten.outcome).toMatchObject({status: 'error', error: {ename: 'NameError'}});
    const other = await runToEnd(client, {code: 'kept', session: 'reset-other'});
    expect(resultText(other.events)).toBe("'other'");
  });

  test('resetSession waits for the runs queued before it', async () => {
    const before = recordRun(client, {code: 'queued_value = 3', session: 'reset-order'});
    const reset = client.resetSession('reset-order');
    const after = recordRun(client, {code: "'queued_value' in globals()", session: 'reset-order'});
    await Promise.all([before.done, reset, after.done]);
    expect(resultText(after.events)).toBe('False');
  });
});

describe('errors', () => {
  test('a traceback shows the cell frames only and reads like Python', async () => {
    const {events, outcome} = await runToEnd(client, {
      code: 'x = 1\ny = undefined_name + x',
      session: 'traceback',
      cellId: 'py-abc123',
    });
    const expected = {
      ename: 'NameError',
      evalue: "name 'undefined_name' is not defined",
      traceback: [
        'Traceback (most recent call last):',
        '  File "<cell py-abc123>", line 2, in <module>',
        '    y = undefined_name + x',
        '        ^^^^^^^^^^^^^^',
        "NameError: name 'undefined_name' is not defined",
        '',
      ].join('\n'),
    };
    expect(outcome).toEqual({status: 'error', error: expected});
    expect(events.at(-1)).toEqual({type: 'error', error: expected});
  });

  test('frames of functions defined in cells are kept; no worker or Pyodide frames', async () => {
    await runToEnd(client, {code: 'def divide(a, b):\n    return a / b', session: 'traceback', cellId: 'py-def'});
    const {outcome} = await runToEnd(client, {
      code: 'print("before")\ndivide(1, 0)',
      session: 'traceback',
      cellId: 'py-call',
    });
    expect(outcome.status).toBe('error');
    const traceback = outcome.status === 'error' ? outcome.error.traceback : '';
    expect(traceback).toMatch(/^Traceback \(most recent call last\):\n/);
    expect(traceback).toContain('  File "<cell py-call>", line 2, in <module>\n    divide(1, 0)\n');
    expect(traceback).toContain('  File "<cell py-def>", line 2, in divide\n    return a / b\n');
    expect(traceback).toMatch(/ZeroDivisionError: division by zero\n$/);
    expect(traceback).not.toMatch(/pyodide|pyodocs_kernel|CodeRunner|<exec>/i);
    expect(traceback.match(/^ {2}File /gm)).toHaveLength(2);
  });

  test('output printed before the exception comes before the error event', async () => {
    const {events} = await runToEnd(client, {
      code: 'print("first")\nraise ValueError("bad value")',
      session: 'traceback',
    });
    expect(events.slice(2).map((event) => event.type)).toEqual(['stream', 'error']);
  });

  test('chained exceptions keep both tracebacks, trimmed', async () => {
    const {outcome} = await runToEnd(client, {
      code: 'try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    raise ValueError("wrapped") from e',
      session: 'traceback',
      cellId: 'py-chain',
    });
    const traceback = outcome.status === 'error' ? outcome.error.traceback : '';
    expect(traceback).toContain('ZeroDivisionError: division by zero');
    expect(traceback).toContain('The above exception was the direct cause of the following exception:');
    expect(traceback).toMatch(/ValueError: wrapped\n$/);
    expect(traceback).not.toMatch(/pyodide|pyodocs_kernel/i);
  });

  test('a SyntaxError shows the line and a caret, without a stack', async () => {
    const {outcome} = await runToEnd(client, {code: 'x = 1\nprint(x +)', session: 'syntax', cellId: 'py-syntax'});
    expect(outcome).toEqual({
      status: 'error',
      error: {
        ename: 'SyntaxError',
        evalue: 'invalid syntax (<cell py-syntax>, line 2)',
        traceback: [
          '  File "<cell py-syntax>", line 2',
          '    print(x +)',
          '             ^',
          'SyntaxError: invalid syntax',
          '',
        ].join('\n'),
      },
    });
  });

  test('an exception in repr() of the result is the cell error', async () => {
    const {outcome} = await runToEnd(client, {
      code: 'class Broken:\n    def __repr__(self):\n        raise RuntimeError("no repr")\nBroken()',
      session: 'repr',
    });
    expect(outcome).toMatchObject({status: 'error', error: {ename: 'RuntimeError', evalue: 'no repr'}});
  });

  test('sys.exit() ends the cell with SystemExit and the session keeps working', async () => {
    const exited = await runToEnd(client, {
      code: 'import sys\nbefore_exit = 1\nsys.exit(3)\nnever = 1',
      session: 'exit',
    });
    expect(exited.outcome).toMatchObject({status: 'error', error: {ename: 'SystemExit', evalue: '3'}});
    const next = await runToEnd(client, {code: "before_exit, 'never' in globals()", session: 'exit'});
    expect(resultText(next.events)).toBe('(1, False)');
  });

  test('input() without shared memory raises InputUnavailableError (an EOFError) instead of blocking the worker', async () => {
    const {outcome} = await runToEnd(client, {code: 'input("name? ")', session: 'stdin'});
    expect(outcome).toMatchObject({status: 'error', error: {ename: 'InputUnavailableError'}});
    const {events} = await runToEnd(client, {
      code: 'try:\n    input()\nexcept EOFError:\n    print("caught")',
      session: 'stdin',
    });
    expect(events).toContainEqual({type: 'stream', name: 'stdout', text: 'caught\n'});
  });
});

describe('the queue', () => {
  test('many runs submitted at once run exactly once each, in order', async () => {
    await runToEnd(client, {code: 'order = []', session: 'queue'});
    const runs = Array.from({length: 25}, (_, i) =>
      recordRun(client, {code: `order.append(${i})\n${i}`, session: 'queue'}),
    );
    const outcomes = await Promise.all(runs.map((run) => run.done));
    expect(outcomes.every((outcome) => outcome.status === 'ok')).toBe(true);
    runs.forEach((run, i) => {
      expect(run.events.map((event) => event.type)).toEqual(['queued', 'started', 'result']);
      expect(resultText(run.events)).toBe(String(i));
    });
    const {events} = await runToEnd(client, {code: 'order == list(range(25))', session: 'queue'});
    expect(resultText(events)).toBe('True');
  });

  test('each run starts only after the previous one is done', async () => {
    const log: string[] = [];
    const first = client.run({code: 'import asyncio\nawait asyncio.sleep(0.05)', session: 'queue'}, (event) => {
      log.push(`first ${event.type}`);
    });
    const second = client.run({code: '2', session: 'queue'}, (event) => {
      log.push(`second ${event.type}`);
    });
    void first.done.then(() => log.push('first done'));
    await second.done;
    expect(log).toEqual([
      'first queued',
      'first started',
      'second queued',
      'first done',
      'second started',
      'second result',
    ]);
  });

  test('stopping a queued run cancels it; the runs after it still run', async () => {
    const running = recordRun(client, {
      code: 'import asyncio\nawait asyncio.sleep(0.1)\n"running"',
      session: 'stop-queued',
    });
    const stopped = recordRun(client, {code: 'stopped_ran = True\nprint("must not run")', session: 'stop-queued'});
    const after = recordRun(client, {code: "'stopped_ran' in globals()", session: 'stop-queued'});
    client.stop(stopped.id);
    expect(await stopped.done).toEqual({status: 'cancelled', reason: 'stopped'});
    expect(await running.done).toEqual({status: 'ok'});
    expect(await after.done).toEqual({status: 'ok'});
    expect(stopped.events).toEqual([{type: 'queued'}]);
    expect(resultText(after.events)).toBe('False');
    // A queued stop does not touch the worker.
    expect(client.stats.workerStarts).toBe(1);
  });

  test('stop() of an unknown or finished run is ignored', async () => {
    const {events} = await runToEnd(client, {code: '1', session: 'stop-queued'});
    client.stop('run-does-not-exist');
    expect(resultText(events)).toBe('1');
    expect(client.status.state).toBe('ready');
  });

  test('runsCompleted counts runs that finished in the worker', async () => {
    const before = client.stats.runsCompleted;
    await runToEnd(client, {code: '1', session: 'stats'});
    await runToEnd(client, {code: 'raise KeyError(1)', session: 'stats'});
    expect(client.stats.runsCompleted).toBe(before + 2);
  });
});
