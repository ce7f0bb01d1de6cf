import {afterAll, expect, test} from 'vitest';
import {createNodeClient} from '../src/node/index.js';
import {resultText, runToEnd} from './support/recordRun.js';

const client = createNodeClient();

afterAll(() => {
  client.dispose();
});

test('a wasm trap (Pyodide fatal error) fails the run with a message; the next run starts a fresh worker', async () => {
  const {outcome} = await runToEnd(client, {code: 'import ctypes\nctypes.string_at(0xfffffff0, 100)', session: 's'});
  expect(outcome).toMatchObject({
    status: 'failed',
    message: expect.stringContaining('Python crashed while running the cell'),
  });
  expect(client.status).toMatchObject({state: 'crashed'});
  const next = await runToEnd(client, {code: '1 + 1', session: 's'});
  expect(resultText(next.events)).toBe('2');
  expect(client.stats.workerStarts).toBe(2);
});
