import {describe, expect, test} from 'vitest';
import {createClientPauseChannel, createWorkerPauseChannel} from '../src/pause/createPauseChannel.js';
import type {PauseMessage} from '../src/pause/PauseChannel.js';

// The two halves of each transport wired together in one thread (the Node
// tests run them across a real worker thread): what the client does reaches
// the kernel's hooks.

function channelPair(sharedMemory: boolean, onRequest: (runId: string) => void = () => undefined) {
  const sent: PauseMessage[] = [];
  const requests: Array<{id: string; prompt: string}> = [];
  let currentRun: string | undefined = 'run-1';
  const client = createClientPauseChannel(sharedMemory, (message) => {
    sent.push(message);
    worker.receive(message);
  });
  const worker = createWorkerPauseChannel(client.init, {
    post: (message) => {
      if (message.type === 'paused') {
        client.observe(message);
        return;
      }
      requests.push({id: message.id, prompt: message.prompt});
      onRequest(message.id);
    },
    currentRun: () => currentRun,
  });
  client.beginRun('run-1');
  return {
    client,
    worker,
    sent,
    requests,
    endRun: () => {
      currentRun = undefined;
    },
  };
}

describe('shared memory transport', () => {
  test('blocks instead of returning promises, and gives Pyodide its interrupt buffer', () => {
    const {client, worker} = channelPair(true);
    expect(client.init.transport).toBe('shared-memory');
    expect(worker.kernelHooks.returns_promises).toBe(false);
    let buffer: Int32Array | undefined;
    worker.attach({setInterruptBuffer: (value) => (buffer = value)});
    client.interrupt('run-1');
    expect(buffer?.[0]).toBe(2);
    client.beginRun('run-2');
    expect(buffer?.[0]).toBe(0);
  });

  test('sleep sleeps its time, and ends at once (true) when interrupted', () => {
    const {client, worker} = channelPair(true);
    const started = performance.now();
    expect(worker.kernelHooks.sleep(0.05)).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    client.interrupt('run-1');
    const interrupted = performance.now();
    expect(worker.kernelHooks.sleep(30)).toBe(true);
    expect(performance.now() - interrupted).toBeLessThan(1000);
    // Spent: the next sleep is not interrupted.
    expect(worker.kernelHooks.sleep(0)).toBe(false);
  });

  test('input: the request names the run; the answer is read as UTF-8', () => {
    // The answer arrives while the worker waits: here, from the request itself.
    const pair = channelPair(true, (runId) => pair.client.answerInput(runId, 'Ada ✓'));
    expect(pair.worker.kernelHooks.input('Name? ')).toBe('Ada ✓');
    expect(pair.requests).toEqual([{id: 'run-1', prompt: 'Name? '}]);
  });

  test('input: Stop while it waits gives undefined, and the interrupt is spent', () => {
    const pair = channelPair(true, (runId) => pair.client.interrupt(runId));
    let buffer: Int32Array | undefined;
    pair.worker.attach({setInterruptBuffer: (value) => (buffer = value)});
    expect(pair.worker.kernelHooks.input('x')).toBeUndefined();
    expect(buffer?.[0]).toBe(0);
  });

  test('input outside a run asks nobody', () => {
    const {worker, requests, endRun} = channelPair(true);
    endRun();
    expect(worker.kernelHooks.input('x')).toBeUndefined();
    expect(requests).toEqual([]);
  });
});

describe('message transport', () => {
  test('returns promises the kernel awaits with run_sync; interrupts and answers are messages', async () => {
    const {client, worker, sent, requests} = channelPair(false);
    expect(client.init).toEqual({transport: 'messages'});
    expect(worker.kernelHooks.returns_promises).toBe(true);
    const answer = worker.kernelHooks.input('Name? ');
    expect(requests).toEqual([{id: 'run-1', prompt: 'Name? '}]);
    client.answerInput('run-1', 'Ada');
    await expect(answer).resolves.toBe('Ada');
    expect(sent).toEqual([{type: 'input-reply', id: 'run-1', text: 'Ada'}]);
  });

  test('an interrupt ends a pending input() (undefined) and a sleep (true); other runs are ignored', async () => {
    const {client, worker} = channelPair(false);
    const waiting = worker.kernelHooks.input('x');
    client.interrupt('run-other');
    client.interrupt('run-1');
    await expect(waiting).resolves.toBeUndefined();
    const sleeping = worker.kernelHooks.sleep(30);
    client.interrupt('run-1');
    await expect(sleeping).resolves.toBe(true);
    await expect(worker.kernelHooks.sleep(0.01)).resolves.toBe(false);
  });

  test('the client knows whether an interrupt can reach the run: paused now, paused before, or never', async () => {
    const {client, worker} = channelPair(false);
    expect(client.reach('run-1')).toBe('never');
    const sleeping = worker.kernelHooks.sleep(0.01);
    expect(client.reach('run-1')).toBe('now');
    expect(client.reach('run-other')).toBe('never');
    await sleeping;
    expect(client.reach('run-1')).toBe('at-next-pause');
    const waiting = worker.kernelHooks.input('x');
    expect(client.reach('run-1')).toBe('now');
    client.answerInput('run-1', 'y');
    await waiting;
    expect(client.reach('run-1')).toBe('at-next-pause');
    client.beginRun('run-2');
    expect(client.reach('run-2')).toBe('never');
  });

  test('an interrupt that comes while the run is busy ends its next sleep or input() at once', async () => {
    const {client, worker} = channelPair(false);
    client.interrupt('run-1');
    await expect(worker.kernelHooks.sleep(30)).resolves.toBe(true);
    // Spent.
    await expect(worker.kernelHooks.sleep(0.01)).resolves.toBe(false);
    client.interrupt('run-1');
    await expect(worker.kernelHooks.input('x')).resolves.toBeUndefined();
  });

  test('says why input() is unavailable where Python cannot pause', () => {
    const {worker} = channelPair(false);
    expect(worker.kernelHooks.unavailable_reason()).toMatch(/input\(\)/);
  });
});
