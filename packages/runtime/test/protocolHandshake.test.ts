import {describe, expect, test} from 'vitest';
import {
  PROTOCOL_VERSION,
  ProtocolMismatchError,
  PyodideClient,
  type ClientMessage,
  type WorkerEndpoint,
  type WorkerEndpointEventMap,
  type WorkerMessage,
} from '../src/index.js';
import {createNodeWorkerEndpoint, NODE_WORKER_URL, nodePyodideIndexURL} from '../src/node/index.js';
import {controllableEndpoint} from './support/controllableEndpoint.js';

const OTHER_VERSION = PROTOCOL_VERSION + 1;

/** The first message the real worker thread sends back after `message`. */
function firstReply(message: unknown): Promise<WorkerMessage> {
  const endpoint = createNodeWorkerEndpoint();
  return new Promise<WorkerMessage>((resolve) => {
    endpoint.addEventListener('message', (event) => {
      endpoint.terminate();
      resolve(event.data as WorkerMessage);
    });
    endpoint.postMessage(message as ClientMessage);
  });
}

describe('the worker refuses', () => {
  test('an init of another protocol version, naming both versions, before loading Pyodide', async () => {
    const reply = await firstReply({type: 'init', protocol: OTHER_VERSION, indexURL: nodePyodideIndexURL()});
    expect(reply).toEqual({
      type: 'fatal',
      reason: 'protocol-mismatch',
      message: expect.stringContaining(
        `the page's client speaks protocol ${OTHER_VERSION} but the worker speaks protocol ${PROTOCOL_VERSION}`,
      ),
    });
  });

  test('a message that is not part of the protocol', async () => {
    const reply = await firstReply({type: 'eval', code: '1'});
    expect(reply).toEqual({
      type: 'fatal',
      reason: 'bad-message',
      message: 'The Python worker received a message it does not understand: {"type":"eval","code":"1"}',
    });
  });

  test('so a client of another version gets a failed outcome with that message', async () => {
    const client = new PyodideClient({
      workerUrl: NODE_WORKER_URL,
      indexURL: nodePyodideIndexURL(),
      // Pretend the page runs a client of another version.
      createWorker: () =>
        controllableEndpoint(createNodeWorkerEndpoint(), (message) =>
          message.type === 'init' ? {...message, protocol: OTHER_VERSION} : message,
        ),
    });
    const outcome = await client.run({code: '1', session: 's'}).done;
    expect(outcome).toMatchObject({status: 'failed', message: expect.stringContaining(`protocol ${OTHER_VERSION}`)});
    expect(outcome.status === 'failed' && outcome.message).toContain(`protocol ${PROTOCOL_VERSION}`);
    expect(outcome.status === 'failed' && outcome.error).toBeInstanceOf(ProtocolMismatchError);
    expect(client.status.state).toBe('crashed');
  });
});

describe('the client refuses', () => {
  test('a worker that is ready with another protocol version', async () => {
    let terminated = false;
    const listeners: Array<(event: WorkerEndpointEventMap['message']) => void> = [];
    const foreignWorker: WorkerEndpoint = {
      postMessage: (message) => {
        if (message.type !== 'init') return;
        // A worker of another version: its ready may carry fields this client does not know.
        const ready = {type: 'ready', protocol: OTHER_VERSION, runtime: {pyodide: '999'}};
        setTimeout(() => {
          for (const listener of listeners) listener({data: ready});
        }, 0);
      },
      addEventListener: (type, listener) => {
        if (type === 'message') listeners.push(listener as (event: WorkerEndpointEventMap['message']) => void);
      },
      terminate: () => {
        terminated = true;
      },
    };
    const client = new PyodideClient({
      workerUrl: '/worker.js',
      indexURL: '/pyodide/',
      createWorker: () => foreignWorker,
    });
    const outcome = await client.run({code: '1', session: 's'}).done;
    if (outcome.status !== 'failed') throw new Error(`unexpected outcome ${outcome.status}`);
    expect(outcome.message).toContain(
      `the page's client speaks protocol ${PROTOCOL_VERSION} but the worker speaks protocol ${OTHER_VERSION}`,
    );
    expect(outcome.error).toBeInstanceOf(ProtocolMismatchError);
    expect(outcome.error).toMatchObject({clientProtocol: PROTOCOL_VERSION, workerProtocol: OTHER_VERSION});
    expect(terminated).toBe(true);
    expect(client.status).toEqual({state: 'crashed', message: outcome.message});
    await expect(client.start()).rejects.toBeInstanceOf(ProtocolMismatchError);
  });
});
