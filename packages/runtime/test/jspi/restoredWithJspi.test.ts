import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {RunEvent} from '../../src/index.js';
import {createNodeClient, writeSnapshotInChildProcess} from '../../src/node/index.js';
import {resultText} from '../support/recordRun.js';

// The build's memory snapshot restored where Python pauses with JSPI (this
// project runs Node with it on, as Chrome has it): the heap's run_sync is the
// real one, so input() and time.sleep pause instead of failing with
// "WebAssembly stack switching not supported".

let dir: string;
let snapshotFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-snapshot-jspi-'));
  snapshotFile = path.join(dir, 'snapshot.bin');
  await writeSnapshotInChildProcess(snapshotFile);
});

afterAll(() => {
  rmSync(dir, {recursive: true, force: true});
});

test('input() and time.sleep pause through JSPI in a worker restored from the snapshot', async () => {
  const client = createNodeClient({snapshotUrl: snapshotFile, sharedMemory: false});
  try {
    const events: RunEvent[] = [];
    const handle = client.run(
      {code: 'import time\ntime.sleep(0.1)\nname = input("Name? ")\nf"hello {name}"', session: 's'},
      (event) => {
        events.push(event);
        if (event.type === 'input') event.reply('Grace');
      },
    );
    expect(await handle.done).toEqual({status: 'ok'});
    expect(client.status).toMatchObject({state: 'ready', boot: 'snapshot'});
    expect(client.status).not.toHaveProperty('snapshotError');
    expect(events.some((event) => event.type === 'input')).toBe(true);
    expect(resultText(events)).toBe("'hello Grace'");
  } finally {
    client.dispose();
  }
});
