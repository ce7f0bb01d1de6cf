import {expect, test} from 'vitest';
import {resultText, runToEnd} from './support/recordRun.js';
import {startedNodeClient} from './support/nodeClient.js';

const client = startedNodeClient();

test('allocating until failure is a MemoryError; the session keeps working', async () => {
  await runToEnd(client, {code: 'survivor = "yes"', session: 'mem'});
  const {outcome} = await runToEnd(client, {
    code: 'blocks = []\nwhile True:\n    blocks.append(bytearray(64 * 1024 * 1024))',
    session: 'mem',
  });
  expect(outcome).toMatchObject({status: 'error', error: {ename: 'MemoryError'}});
  const after = await runToEnd(client, {code: 'del blocks\nsurvivor', session: 'mem'});
  expect(resultText(after.events)).toBe("'yes'");
  expect(client.stats.workerStarts).toBe(1);
});

test('unbounded recursion is a RecursionError; the session keeps working', async () => {
  const {outcome} = await runToEnd(client, {code: 'def f(n):\n    return f(n + 1)\nf(0)', session: 'rec'});
  expect(outcome).toMatchObject({status: 'error', error: {ename: 'RecursionError'}});
  const after = await runToEnd(client, {code: 'sum(range(10))', session: 'rec'});
  expect(resultText(after.events)).toBe('45');
  expect(client.stats.workerStarts).toBe(1);
});
