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

  test('with nothing queued, the replacement worker starts in the background; the next run works', async () => {
    await runToEnd(client, {code: 'lost_on_restart = 1', session: 'stop'});
    const starts = client.stats.workerStarts;
    states = [];
    const looping = recordRun(client, {code: 'print("looping")\nwhile True:\n    pass', session: 'stop'});
    await printed(looping, 'looping');
    client.stop(looping.id);
    expect(await looping.done).toEqual({status: 'cancelled', reason: 'restarted'});
    expect(client.stats.workerStarts).toBe(starts + 1);
    await client.start();
    expect(transitions()).toEqual(['idle', 'loading', 'ready']);
    const next = await runToEnd(client, {code: "'lost_on_restart' in globals()", session: 'stop'});
    expect(resultText(next.events)).toBe('False');
    expect(client.stats.workerStarts).toBe(starts + 1);
  });

  test('without shared memory, a busy run is stopped at once, not after the grace period', async () => {
    const patient = createNodeClient({interruptGraceMs: 10_000});
    try {
      const looping = recordRun(patient, {code: 'print("looping")\nwhile True:\n    pass', session: 'stop'});
      await printed(looping, 'looping');
      const stopped = performance.now();
      patient.stop(looping.id);
      expect(await looping.done).toEqual({status: 'cancelled', reason: 'restarted'});
      // Terminating is immediate; the figure itself is measured by `pnpm bench`.
      expect(performance.now() - stopped).toBeLessThan(1000);
      expect(resultText((await runToEnd(patient, {code: '1 + 1', session: 'stop'})).events)).toBe('2');
      expect(patient.stats.workerStarts).toBe(2);
    } finally {
      patient.dispose();
    }
  });
});

describe('preload()', () => {
  test('starts the worker without a run, once; the first run then uses it', async () => {
    const fresh = createNodeClient();
    try {
      expect(fresh.stats.workerStarts).toBe(0);
      fresh.preload();
      fresh.preload();
      expect(fresh.stats.workerStarts).toBe(1);
      expect(fresh.status.state).toBe('loading');
      await fresh.start();
      expect(resultText((await runToEnd(fresh, {code: '6 * 7', session: 'p'})).events)).toBe('42');
      expect(fresh.stats.workerStarts).toBe(1);
    } finally {
      fresh.dispose();
    }
    fresh.preload();
    expect(fresh.stats.workerStarts).toBe(1);
  });
});

describe('restart()', () => {
  test('without a worker, starts nothing', async () => {
    const fresh = createNodeClient();
    await fresh.restart();
    expect(fresh.status).toEqual({state: 'idle'});
    expect(fresh.stats.workerStarts).toBe(0);
    fresh.dispose();
  });

  test('start() waiting for a worker that gets restarted resolves on the fresh worker', async () => {
    await client.start();
    await client.restart();
    const starts = client.stats.workerStarts;
    // Restarted while loading: the wait goes on on the next fresh worker.
    const started = client.start();
    await client.restart();
    await started;
    expect(client.status.state).toBe('ready');
    expect(client.stats.workerStarts).toBe(starts + 1);
    const {events} = await runToEnd(client, {code: '"fresh"', session: 'stop'});
    expect(resultText(events)).toBe("'fresh'");
  });

  test('with nothing queued, starts the fresh worker at once', async () => {
    await client.start();
    const starts = client.stats.workerStarts;
    await client.restart();
    expect(client.stats.workerStarts).toBe(starts + 1);
    expect(client.status.state).toBe('loading');
    await client.start();
    expect(client.stats.workerStarts).toBe(starts + 1);
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
