import {fireEvent, render} from '@testing-library/react';
import type {PyodideClient} from '@pyodocs/runtime';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {type CellBehaviour, PyodideProvider, PythonCell, PythonDoctest} from '../../src/index.js';
import {FakePyodideClient} from '../FakePyodideClient.js';
import {cellElement, testConfig} from '../renderCell.js';

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
  it('starts nothing before the reader shows intent, then Python once they hover, focus or touch a cell', () => {
    const client = new FakePyodideClient(testConfig);
    renderPage(client);
    expect(client.startCalls + client.preloadCalls).toBe(0);

    fireEvent.pointerEnter(cellElement('one'));
    expect(client.preloadCalls).toBe(1);
    expect(client.stats.workerStarts).toBe(1);
    fireEvent.focus(cellElement('two'));
    fireEvent.touchStart(cellElement('one'));
    fireEvent.pointerEnter(document.querySelector('[data-pyodocs-doctest="doc"]') as Element);
    // preload() is idempotent: one worker however often the reader hovers.
    expect(client.stats.workerStarts).toBe(1);
  });

  it('starts nothing on intent when the site turned preloading off', () => {
    const client = new FakePyodideClient(testConfig);
    renderPage(client, {preload: 'off'});
    fireEvent.pointerEnter(cellElement('one'));
    fireEvent.focus(cellElement('one'));
    expect(client.startCalls + client.preloadCalls).toBe(0);
  });

  it('never starts on intent when the reader asked the browser to save data', () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), {connection: {saveData: true}}));
    const client = new FakePyodideClient(testConfig);
    renderPage(client);
    fireEvent.pointerEnter(cellElement('one'));
    expect(client.startCalls + client.preloadCalls).toBe(0);
  });

  it('starts Python with the page when the site chose eager', () => {
    const client = new FakePyodideClient(testConfig);
    renderPage(client, {preload: 'eager'});
    expect(client.stats.workerStarts).toBe(1);
  });

  it('uses the runtime’s preload() where the client has one', () => {
    const client = new FakePyodideClient(testConfig);
    const preload = vi.fn(() => Promise.resolve());
    Object.assign(client, {preload});
    renderPage(client);
    fireEvent.pointerEnter(cellElement('one'));
    expect(preload).toHaveBeenCalledTimes(1);
    expect(client.startCalls + client.preloadCalls).toBe(0);
  });
});
