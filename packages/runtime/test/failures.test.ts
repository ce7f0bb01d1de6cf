import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {
  ClientDisposedError,
  PyodideClient,
  PyodideLoadError,
  WorkerCrashedError,
  type ClientStatus,
  type RunOutcome,
} from '../src/index.js';
import {createNodeClient, createNodeWorkerEndpoint, NODE_WORKER_URL, nodePyodideIndexURL} from '../src/node/index.js';
import {controllableEndpoint, type ControllableEndpoint} from './support/controllableEndpoint.js';
import {recordRun, resultText, runToEnd} from './support/recordRun.js';

function failedWith(outcome: RunOutcome): {message: string; error: unknown} {
  if (outcome.status !== 'failed') throw new Error(`expected a failed outcome, got ${JSON.stringify(outcome)}`);
  return {message: outcome.message, error: outcome.error};
}

describe('a worker that dies', () => {
  // Real worker threads wrapped so the test can break them.
  const endpoints: ControllableEndpoint[] = [];
  let client: PyodideClient;

  beforeAll(async () => {
    client = new PyodideClient({
      workerUrl: NODE_WORKER_URL,
      indexURL: nodePyodideIndexURL(),
      createWorker: () => {
        const endpoint = controllableEndpoint(createNodeWorkerEndpoint());
        endpoints.push(endpoint);
        return endpoint;
      },
    });
    await client.start();
  });

  afterAll(() => {
    client.dispose();
  });

  test('an error event fails the running and every queued run; the next run starts a fresh worker', async () => {
    const running = recordRun(client, {code: 'print("looping")\nwhile True:\n    pass', session: 'crash'});
    const queued = [1, 2, 3].map((i) => recordRun(client, {code: `${i}`, session: 'crash'}));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (running.events.some((event) => event.type === 'stream')) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });

    endpoints.at(-1)!.injectError('out of memory');

    for (const run of [running, ...queued]) {
      const {message, error} = failedWith(await run.done);
      expect(message).toBe('The Python worker crashed: out of memory');
      expect(error).toBeInstanceOf(WorkerCrashedError);
    }
    expect(client.status).toEqual({state: 'crashed', message: 'The Python worker crashed: out of memory'});
    expect(endpoints.at(-1)!.terminated).toBe(true);

    const {events, outcome} = await runToEnd(client, {code: '"recovered"', session: 'crash'});
    expect(outcome).toEqual({status: 'ok'});
    expect(resultText(events)).toBe("'recovered'");
    expect(client.stats.workerStarts).toBe(2);
    expect(endpoints).toHaveLength(2);
  });

  test('a message the client does not understand fails pending runs the same way', async () => {
    const running = recordRun(client, {code: 'import asyncio\nawait asyncio.sleep(30)', session: 'garbage'});
    await new Promise((resolve) => setTimeout(resolve, 50));
    endpoints.at(-1)!.injectMessage({type: 'stream', id: running.id, name: 'stdout', text: 42});
    const {message, error} = failedWith(await running.done);
    expect(message).toMatch(/^The Python worker sent a message this page does not understand: \{"type":"stream"/);
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect(client.status.state).toBe('crashed');
    expect(endpoints.at(-1)!.terminated).toBe(true);
  });

  test('a worker thread that exits by itself is a crash', async () => {
    const exiting = new PyodideClient({
      workerUrl: 'data:exit',
      indexURL: '/unused/',
      createWorker: () => createNodeWorkerEndpoint({workerUrl: new URL('data:text/javascript,process.exit(3)')}),
    });
    const {message} = failedWith(await exiting.run({code: '1', session: 's'}).done);
    expect(message).toBe('The Python worker crashed: the worker thread exited with code 3');
    expect(exiting.status.state).toBe('crashed');
  });

  test('a worker script that does not exist fails the run with the reason', async () => {
    const missing = createNodeClient({workerUrl: new URL('file:///nonexistent/pyodocs/node-worker.js')});
    const {message, error} = failedWith(await missing.run({code: '1', session: 's'}).done);
    expect(message).toContain('The Python worker crashed: Cannot find module');
    expect(message).toContain('/nonexistent/pyodocs/node-worker.js');
    expect(error).toBeInstanceOf(WorkerCrashedError);
  });

  test('a createWorker that throws fails the run instead of throwing from run()', async () => {
    const throwing = new PyodideClient({
      workerUrl: '/worker.js',
      indexURL: '/pyodide/',
      createWorker: () => {
        throw new Error('SecurityError: cross-origin worker');
      },
    });
    const {message} = failedWith(await throwing.run({code: '1', session: 's'}).done);
    expect(message).toBe('Could not start the Python worker: SecurityError: cross-origin worker');
  });

  test('a worker that never answers fails after the handshake timeout instead of loading forever', async () => {
    let terminated = false;
    const silent = new PyodideClient({
      workerUrl: '/not-a-worker.js',
      indexURL: '/pyodide/',
      handshakeTimeoutMs: 100,
      createWorker: () => ({
        postMessage: () => undefined,
        addEventListener: () => undefined,
        terminate: () => {
          terminated = true;
        },
      }),
    });
    const {message, error} = failedWith(await silent.run({code: '1', session: 's'}).done);
    expect(message).toBe(
      "The Python worker did not answer within 0.1 s. Check that /not-a-worker.js is @pyodocs/runtime's dist/worker.js, served as a JavaScript module.",
    );
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect(terminated).toBe(true);
  });

  test('without Web Workers (Node) the default createWorker says what to use instead', async () => {
    const noWorker = new PyodideClient({workerUrl: '/worker.js', indexURL: '/pyodide/'});
    const {message} = failedWith(await noWorker.run({code: '1', session: 's'}).done);
    expect(message).toContain('This environment has no Web Worker');
    expect(message).toContain('createNodeClient()');
  });
});

describe('Pyodide that cannot be loaded', () => {
  test.each([
    {title: 'a directory path', indexURL: '/nonexistent/pyodide/'},
    {title: 'a file URL', indexURL: 'file:///nonexistent/pyodide/'},
  ])('$title that does not exist fails quickly with a message naming it', async ({indexURL}) => {
    const client = createNodeClient({indexURL});
    const statuses: ClientStatus[] = [];
    client.subscribe((status) => statuses.push(status));
    const started = Date.now();
    const {message, error} = failedWith(await client.run({code: '1', session: 's'}).done);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(PyodideLoadError);
    expect(message).toContain(`Could not load Pyodide from ${indexURL}`);
    expect(message).toContain('pyodideBaseUrl');
    expect(message).toContain('network connection');
    expect(statuses.map((status) => status.state)).toEqual(['loading', 'loading', 'crashed']);
    expect(statuses.at(-1)).toEqual({state: 'crashed', message});
    await expect(client.start()).rejects.toBeInstanceOf(PyodideLoadError);
    expect(client.stats.workerStarts).toBe(2);
  });
});

describe('lazy start and dispose', () => {
  test('nothing is created before start() or run()', async () => {
    let created = 0;
    const client = new PyodideClient({
      workerUrl: '/worker.js',
      indexURL: '/pyodide/',
      createWorker: () => {
        created += 1;
        throw new Error('not in this test');
      },
    });
    client.subscribe(() => undefined);
    client.stop('run-1');
    await client.resetSession('page:intro.md');
    await client.restart();
    expect(created).toBe(0);
    expect(client.status).toEqual({state: 'idle'});
    expect(client.stats).toEqual({workerStarts: 0, runsCompleted: 0, interruptsResent: 0});
    await client.run({code: '1', session: 's'}).done;
    expect(created).toBe(1);
  });

  test('dispose() cancels pending runs and terminates the worker; later calls fail clearly', async () => {
    const endpoints: ControllableEndpoint[] = [];
    const disposable = new PyodideClient({
      workerUrl: NODE_WORKER_URL,
      indexURL: '/never-loaded/',
      createWorker: () => {
        // A worker that never answers: the runs stay queued until dispose().
        const endpoint = controllableEndpoint({
          postMessage: () => undefined,
          addEventListener: () => undefined,
          terminate: () => undefined,
        });
        endpoints.push(endpoint);
        return endpoint;
      },
    });
    const pending = disposable.run({code: '1', session: 's'});
    disposable.dispose();
    expect(await pending.done).toEqual({status: 'cancelled', reason: 'stopped'});
    expect(endpoints[0]?.terminated).toBe(true);
    const late = failedWith(await disposable.run({code: '1', session: 's'}).done);
    expect(late.error).toBeInstanceOf(ClientDisposedError);
    await expect(disposable.start()).rejects.toBeInstanceOf(ClientDisposedError);
  });
});
