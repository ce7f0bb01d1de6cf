import {expect, test} from 'vitest';
import {DOCTEST_MIME, type RunEvent} from '../../src/index.js';
import {createNodeClient} from '../../src/node/index.js';
import {printed, recordRun, resultText, runToEnd, waitingForInput} from '../support/recordRun.js';
import {startedNodeClient} from '../support/nodeClient.js';

// No shared memory, as on a page that is not cross-origin isolated, but a
// JavaScript engine with JSPI (this project runs Node with it switched on):
// input() and time.sleep pause Python on a promise; the reply, or Stop's
// interrupt, comes as a message.
const client = startedNodeClient({sharedMemory: false, interruptGraceMs: 10_000});

test('this Node has JSPI (vitest.jspi.config.ts switches it on)', () => {
  const wasm = (globalThis as unknown as {WebAssembly: object}).WebAssembly;
  expect('Suspender' in wasm || 'Suspending' in wasm).toBe(true);
});

function answerEach(answers: string[]): (event: RunEvent) => void {
  return (event) => {
    if (event.type === 'input') event.reply(answers.shift() ?? '');
  };
}

test('input() returns what the reader types, once per call, and echoes prompt and answer', async () => {
  const events: RunEvent[] = [];
  const answer = answerEach(['Ada Lovelace ✓', '36']);
  const handle = client.run(
    {code: 'name = input("Name? ")\nage = int(input("Age? "))\nf"{name} is {age}"', session: 'jspi'},
    (event) => {
      events.push(event);
      answer(event);
    },
  );
  expect(await handle.done).toEqual({status: 'ok'});
  expect(
    events.filter((event) => event.type === 'input').map((event) => event.type === 'input' && event.prompt),
  ).toEqual(['Name? ', 'Age? ']);
  expect(resultText(events)).toBe("'Ada Lovelace ✓ is 36'");
  expect(events).toContainEqual({type: 'stream', name: 'stdout', text: 'Name? Ada Lovelace ✓\n'});
});

test('runs queued behind a cell waiting in input() run after the answer, in order', async () => {
  const waiting = recordRun(client, {code: 'first = input("first? ")', session: 'queue'});
  const second = recordRun(client, {code: 'print("second sees", first)', session: 'queue'});
  await waitingForInput(waiting);
  const input = waiting.events.find((event) => event.type === 'input');
  if (input?.type === 'input') input.reply('one');
  expect(await waiting.done).toEqual({status: 'ok'});
  expect(await second.done).toEqual({status: 'ok'});
  expect(second.events).toContainEqual({type: 'stream', name: 'stdout', text: 'second sees one\n'});
});

test('stop() while input() waits raises KeyboardInterrupt in the cell; no restart, the namespace survives', async () => {
  expect((await runToEnd(client, {code: 'kept = 41', session: 'stop'})).outcome).toEqual({status: 'ok'});
  const starts = client.stats.workerStarts;
  const run = recordRun(client, {code: 'input("never answered")', session: 'stop'});
  await waitingForInput(run);
  client.stop(run.id);
  expect(await run.done).toMatchObject({status: 'error', error: {ename: 'KeyboardInterrupt'}});
  // A late answer to the stopped request goes nowhere.
  const input = run.events.find((event) => event.type === 'input');
  if (input?.type === 'input') input.reply('too late');
  const next = await runToEnd(client, {code: 'kept + 1', session: 'stop'});
  expect(resultText(next.events)).toBe('42');
  expect(client.stats.workerStarts).toBe(starts);
});

test('a time limit passing while input() waits stops the run without a restart', async () => {
  const starts = client.stats.workerStarts;
  const {outcome} = await runToEnd(client, {code: 'input("slow reader? ")', session: 'limit', timeoutSeconds: 1});
  expect(outcome).toEqual({status: 'cancelled', reason: 'timeout', seconds: 1, restarted: false});
  expect(client.stats.workerStarts).toBe(starts);
});

test('input() called from a JavaScript callback, where Python cannot pause, raises InputUnavailableError saying so', async () => {
  const {outcome} = await runToEnd(client, {
    code: [
      'import js',
      'from pyodide.ffi import create_proxy',
      'ask = create_proxy(lambda: input("from a callback? "))',
      'js.Function.new("f", "return f()")(ask)',
    ].join('\n'),
    session: 'callback',
  });
  expect(outcome).toMatchObject({status: 'error', error: {ename: 'InputUnavailableError'}});
  if (outcome.status === 'error') expect(outcome.error.evalue).toContain('outside the code of a running cell');
});

test('stop() during time.sleep raises KeyboardInterrupt there; no restart, the namespace survives', async () => {
  expect((await runToEnd(client, {code: 'slept = "kept"', session: 'sleep'})).outcome).toEqual({status: 'ok'});
  const starts = client.stats.workerStarts;
  // The print reaches the client before the worker says the run paused in
  // time.sleep(30): a Stop in between would find a run that never paused,
  // terminated at once by design. A run that paused once (the short sleep)
  // gets a grace to pause again and takes the interrupt there.
  const run = recordRun(client, {
    code: 'import time\ntime.sleep(0.001)\nprint("sleeping", flush=True)\ntime.sleep(30)',
    session: 'sleep',
  });
  await printed(run, 'sleeping');
  const stopped = performance.now();
  client.stop(run.id);
  expect(await run.done).toMatchObject({status: 'error', error: {ename: 'KeyboardInterrupt'}});
  // Not the 10 s grace of this client: the interrupt itself ended the run.
  expect(performance.now() - stopped).toBeLessThan(5000);
  expect(resultText((await runToEnd(client, {code: 'slept', session: 'sleep'})).events)).toBe("'kept'");
  expect(client.stats.workerStarts).toBe(starts);
});

test('stop() during time.sleep in a doctest example: the report keeps the examples before it', async () => {
  const run = recordRun(client, {
    // Pauses once before it says so, as in the test above: the Stop then finds a run that has paused.
    code: '>>> 6 * 7\n42\n>>> import os, time\n>>> time.sleep(0.001); os.write(1, b"sleeping\\n"); time.sleep(30)\n',
    kind: 'doctest',
    session: 'doctest',
  });
  await printed(run, 'sleeping');
  client.stop(run.id);
  expect(await run.done).toMatchObject({status: 'error', error: {ename: 'KeyboardInterrupt'}});
  const display = run.events.find((event) => event.type === 'display');
  expect(display?.type === 'display' && display.data[DOCTEST_MIME]).toMatchObject({
    stoppedAt: 2,
    examples: [{status: 'match'}, {status: 'match'}, {status: 'skipped'}],
  });
});

test('time.sleep still sleeps its time', async () => {
  const {events} = await runToEnd(client, {
    code: 'import time\nt = time.monotonic()\ntime.sleep(0.3)\nround(time.monotonic() - t, 1) >= 0.3',
    session: 'sleep',
  });
  expect(resultText(events)).toBe('True');
});

test('a loop around time.sleep takes the interrupt at its next sleep, even when Stop comes while it computes', async () => {
  const starts = client.stats.workerStarts;
  const run = recordRun(client, {
    code: 'import time\nprint("looping", flush=True)\nwhile True:\n    sum(range(20000))\n    time.sleep(0.02)',
    session: 'sleepy',
  });
  await printed(run, 'looping');
  await new Promise((resolve) => setTimeout(resolve, 100));
  client.stop(run.id);
  expect(await run.done).toMatchObject({status: 'error', error: {ename: 'KeyboardInterrupt'}});
  expect(client.stats.workerStarts).toBe(starts);
});

test('code busy computing cannot take the interrupt: its worker is terminated at once and replaced', async () => {
  const busy = createNodeClient({sharedMemory: false, interruptGraceMs: 10_000});
  try {
    const run = recordRun(busy, {code: 'print("looping", flush=True)\nwhile True:\n    pass', session: 'busy'});
    await printed(run, 'looping');
    const stopped = performance.now();
    busy.stop(run.id);
    expect(await run.done).toEqual({status: 'cancelled', reason: 'restarted'});
    expect(performance.now() - stopped).toBeLessThan(1000);
    expect(resultText((await runToEnd(busy, {code: '1 + 1', session: 'busy'})).events)).toBe('2');
    expect(busy.stats.workerStarts).toBe(2);
  } finally {
    busy.dispose();
  }
});
