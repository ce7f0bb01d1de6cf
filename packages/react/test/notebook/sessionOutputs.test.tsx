import {act, fireEvent, waitFor, within} from '@testing-library/react';
import {describe, expect, it} from 'vitest';
import {PythonCell} from '../../src/index.js';
import {FakePyodideClient, plainText} from '../FakePyodideClient.js';
import {button, cellElement, outputArea, renderCells, testConfig} from '../renderCell.js';

const session = 'page:follow.mdx';

function page() {
  return (
    <>
      <PythonCell id="define" code="x = 41" session={session} />
      <PythonCell id="show" code="print(x + 1)" session={session} />
    </>
  );
}

function printing(client: FakePyodideClient) {
  client.program = async (request, emit) => {
    if (request.code.startsWith('print')) emit({type: 'stream', name: 'stdout', text: '42\n'});
    return {status: 'ok'};
  };
}

describe('outputs follow the session', () => {
  it('shows the outputs and execution counts of the cells that ran when the reader comes back to the page', async () => {
    const client = new FakePyodideClient(testConfig);
    printing(client);
    const first = renderCells(page(), {client});
    fireEvent.click(button(cellElement('show'), 'Run'));
    await waitFor(() => expect(cellElement('show').dataset.state).toBe('done'));
    first.unmount();

    // Client-side navigation back: the same tab, the same Python.
    renderCells(page(), {client});
    expect(cellElement('show').dataset.state).toBe('done');
    expect(outputArea(cellElement('show')).textContent).toBe('42\n');
    expect(cellElement('define').dataset.executionCount).toBe('1');
    expect(cellElement('show').dataset.executionCount).toBe('2');
    expect(within(cellElement('show')).getByRole('status').textContent).toMatch(/^\[2\]/);
    expect(client.requests).toHaveLength(2);
  });

  it('keeps the outputs of a run that ended after the reader left the page', async () => {
    const client = new FakePyodideClient(testConfig);
    let release!: () => void;
    client.program = async (_request, emit) => {
      await new Promise<void>((resolve) => (release = resolve));
      emit({type: 'result', data: plainText('late'), metadata: {}});
      return {status: 'ok'};
    };
    const first = renderCells(<PythonCell id="slow" code="slow()" session={session} />, {client});
    fireEvent.click(button(cellElement('slow'), 'Run'));
    await waitFor(() => expect(cellElement('slow').dataset.state).toBe('running'));
    first.unmount();
    await act(async () => release());

    renderCells(<PythonCell id="slow" code="slow()" session={session} />, {client});
    await waitFor(() => expect(outputArea(cellElement('slow')).textContent).toBe('late'));
  });

  it('forgets everything when the worker goes: the cells have not run in the new Python', async () => {
    const client = new FakePyodideClient(testConfig);
    printing(client);
    renderCells(page(), {client});
    fireEvent.click(button(cellElement('show'), 'Run'));
    await waitFor(() => expect(cellElement('show').dataset.state).toBe('done'));

    await act(async () => client.restart());
    expect(cellElement('show').dataset.state).toBe('idle');
    expect(cellElement('show').dataset.executionCount).toBeUndefined();
    expect(outputArea(cellElement('show')).textContent).toBe('');

    // The next run counts from 1 again, and the cell above runs again first.
    fireEvent.click(button(cellElement('show'), 'Run'));
    await waitFor(() => expect(cellElement('show').dataset.executionCount).toBe('2'));
    expect(client.requests.map((request) => request.code)).toEqual([
      'x = 41',
      'print(x + 1)',
      'x = 41',
      'print(x + 1)',
    ]);
  });

  it('Reset forgets the cell: it has not run any more, and runs again when a cell below needs it', async () => {
    const client = new FakePyodideClient(testConfig);
    printing(client);
    renderCells(page(), {client});
    fireEvent.click(button(cellElement('show'), 'Run'));
    await waitFor(() => expect(cellElement('show').dataset.state).toBe('done'));

    fireEvent.click(button(cellElement('define'), 'Reset'));
    expect(cellElement('define').dataset.state).toBe('idle');
    expect(cellElement('define').dataset.executionCount).toBeUndefined();
    fireEvent.click(button(cellElement('show'), 'Run'));
    await waitFor(() => expect(cellElement('show').dataset.executionCount).toBe('4'));
    expect(cellElement('define').dataset.executionCount).toBe('3');
  });

  it('keeps pages apart: the same cell id on another page is another cell', async () => {
    const client = new FakePyodideClient(testConfig);
    printing(client);
    const first = renderCells(page(), {client});
    fireEvent.click(button(cellElement('show'), 'Run'));
    await waitFor(() => expect(cellElement('show').dataset.state).toBe('done'));
    first.unmount();

    window.history.pushState({}, '', '/another/page');
    try {
      renderCells(page(), {client});
      expect(cellElement('show').dataset.state).toBe('idle');
      expect(outputArea(cellElement('show')).textContent).toBe('');
    } finally {
      window.history.pushState({}, '', '/');
    }
  });
});
