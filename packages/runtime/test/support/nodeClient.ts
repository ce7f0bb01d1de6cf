import {afterAll, beforeAll} from 'vitest';
import type {PyodideClient} from '../../src/index.js';
import {createNodeClient, type NodeClientOptions} from '../../src/node/index.js';

/**
 * One Node client (real Pyodide in a worker thread) for the calling test
 * file: started in beforeAll, disposed in afterAll. Call it at the top level.
 * Creating it is cheap: no worker exists until start().
 */
export function startedNodeClient(options: NodeClientOptions = {}): PyodideClient {
  const client = createNodeClient(options);
  beforeAll(() => client.start());
  afterAll(() => client.dispose());
  return client;
}
