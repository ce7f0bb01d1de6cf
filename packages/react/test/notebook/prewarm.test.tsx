import {fireEvent, render, waitFor} from '@testing-library/react';
import type {PyodideClient} from '@pyodocs/runtime';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {type CellBehaviour, PyodideProvider, PythonCell, PythonDoctest} from '../../src/index.js';
import {FakePyodideClient} from '../FakePyodideClient.js';
import {cellElement, testConfig} from '../renderCell.js';
import {loadLiveCode} from '../../src/live/loadLiveCode.js';

function renderPage(client: FakePyodideClient, cells?: Partial<CellBehaviour>) {
  return render(
    <PyodideProvider config={testConfig} client={client as unknown as PyodideClient} cells={cells}>
      <PythonCell id="one" code="1" session="s" />
      <PythonCell id="two" code="2" session="s" />
      <PythonDoctest id="doc" source={'>>> 3\n3\n'} code={'3\n'} session="s" />
    </PyodideProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('pre-warm on intent', () => {
  it('starts nothing before the reader shows intent, then Python once they hover, focus or touch a cell', async () => {
    const client = new FakePyodideClient(testConfig);
    renderPage(client);
    expect(client.startCalls + client.preloadCalls).toBe(0);

    fireEvent.pointerEnter(cellElement('one'));
    // Once the run code has arrived (intent loads it: a chunk of its own).
    await waitFor(() => expect(client.preloadCalls).toBe(1));
    expect(client.stats.workerStarts).toBe(1);
    fireEvent.focus(cellElement('two'));
    fireEvent.touchStart(cellElement('one'));
    fireEvent.pointerEnter(document.querySelector('[data-pyodocs-doctest="doc"]') as Element);
    // preload() is idempotent: one worker however often the reader hovers.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(client.stats.workerStarts).toBe(1);
  });

  it('starts nothing on intent when the site turned preloading off', async () => {
    const client = new FakePyodideClient(testConfig);
    renderPage(client, {preload: 'off'});
    fireEvent.pointerEnter(cellElement('one'));
    fireEvent.focus(cellElement('one'));
    await loadLiveCode();
    expect(client.startCalls + client.preloadCalls).toBe(0);
  });

  it('never starts on intent when the reader asked the browser to save data', async () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), {connection: {saveData: true}}));
    const client = new FakePyodideClient(testConfig);
    renderPage(client);
    fireEvent.pointerEnter(cellElement('one'));
    await loadLiveCode();
    expect(client.startCalls + client.preloadCalls).toBe(0);
  });

  it('starts Python with the page when the site chose eager', async () => {
    const client = new FakePyodideClient(testConfig);
    renderPage(client, {preload: 'eager'});
    await waitFor(() => expect(client.stats.workerStarts).toBe(1));
  });

  it('uses the runtime’s preload() where the client has one', async () => {
    const client = new FakePyodideClient(testConfig);
    const preload = vi.fn(() => Promise.resolve());
    Object.assign(client, {preload});
    renderPage(client);
    fireEvent.pointerEnter(cellElement('one'));
    await waitFor(() => expect(preload).toHaveBeenCalledTimes(1));
    expect(client.startCalls + client.preloadCalls).toBe(0);
  });
});
