import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {ClientStatus, PyodideClient} from '../src/index.js';
import {createNodeClient} from '../src/node/index.js';
import {printed, recordRun, resultText, runToEnd} from './support/recordRun.js';

// Every test here ends a worker on purpose, so each one pays a fresh Pyodide
// load afterwards; the file shares one client to keep that to one per test.
let client: PyodideClient;
let states: string[] = [];

beforeAll(async () => {
  client = createNodeClient();
  client.subscribe((status: ClientStatus) => states.push(status.state));
  await client.start();
});

afterAll(() => {
  client.dispose();
});

/** Consecutive duplicates collapsed: loading has several stages. */
function transitions(): string[] {
  return states.filter((state, i) => state !== states[i - 1]);
}

describe('stop() of the running run', () => {
  test('terminates a worker stuck in `while True: pass`; the queued runs continue on a fresh worker', async () => {
    await runToEnd(client, {code: 'lost_on_restart = 1', session: 'stop'});
    const starts = client.stats.workerStarts;
    states = [];
    const looping = recordRun(client, {code: 'print("looping")\nwhile True:\n    pass', session: 'stop'});
    const next = recordRun(client, {code: 'print("after")\n1 + 1', session: 'stop'});
    const lost = recordRun(client, {code: 'lost_on_restart', session: 'stop'});
    await printed(looping, 'looping');

    client.stop(looping.id);

    expect(await looping.done).toEqual({status: 'cancelled', reason: 'restarted'});
    expect(await next.done).toEqual({status: 'ok'});
    expect(next.events).toEqual([
      {type: 'queued'},
      {type: 'started'},
      {type: 'stream', name: 'stdout', text: 'after\n'},
      {type: 'result', data: {'text/plain': '2'}, metadata: {}},
    ]);
    // The namespaces went with the old worker.
    expect(await lost.done).toMatchObject({status: 'error', error: {ename: 'NameError'}});
    expect(client.stats.workerStarts).toBe(starts + 1);
    expect(transitions()).toEqual(['idle', 'loading', 'ready']);
    expect(client.status.state).toBe('ready');
  });

  test('with nothing queued, the client goes idle and starts no worker until asked', async () => {
    const starts = client.stats.workerStarts;
    states = [];
    const looping = recordRun(client, {code: 'print("looping")\nwhile True:\n    pass', session: 'stop'});
    await printed(looping, 'looping');
    client.stop(looping.id);
    expect(await looping.done).toEqual({status: 'cancelled', reason: 'restarted'});
    expect(client.status).toEqual({state: 'idle'});
    expect(transitions()).toEqual(['idle']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.stats.workerStarts).toBe(starts);
  });
});

describe('restart()', () => {
  test('when idle, starts nothing', async () => {
    const starts = client.stats.workerStarts;
    await client.restart();
    expect(client.status).toEqual({state: 'idle'});
    expect(client.stats.workerStarts).toBe(starts);
  });

  test('start() waiting for a worker that gets restarted resolves on the fresh worker', async () => {
    const starts = client.stats.workerStarts;
    const started = client.start();
    await client.restart();
    await started;
    expect(client.status.state).toBe('ready');
    expect(client.stats.workerStarts).toBe(starts + 2);
    const {events} = await runToEnd(client, {code: '"fresh"', session: 'stop'});
    expect(resultText(events)).toBe("'fresh'");
  });

  test('loses every session and cancels the running run; queued runs continue', async () => {
    await runToEnd(client, {code: 'kept = 1', session: 'restart'});
    const starts = client.stats.workerStarts;
    const running = recordRun(client, {
      code: 'print("sleeping")\nimport asyncio\nawait asyncio.sleep(30)',
      session: 'restart',
    });
    const queued = recordRun(client, {code: "'kept' in globals()", session: 'restart'});
    await printed(running, 'sleeping');

    await client.restart();

    expect(await running.done).toEqual({status: 'cancelled', reason: 'restarted'});
    expect(await queued.done).toEqual({status: 'ok'});
    expect(resultText(queued.events)).toBe('False');
    expect(client.stats.workerStarts).toBe(starts + 1);
  });
});
