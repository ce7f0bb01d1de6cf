import {act, fireEvent, waitFor, within} from '@testing-library/react';
import type {PyodideClient} from '@pyodocs/runtime';
import {describe, expect, it} from 'vitest';
import {PyodideProvider, PythonCell, PythonDoctest} from '../../src/index.js';
import {deferred, FakePyodideClient, plainText} from '../FakePyodideClient.js';
import {button, cellElement, outputArea, renderCells, testConfig} from '../renderCell.js';
import {render} from '@testing-library/react';

const session = 'page:notebook.mdx';

function threeCells(extra: {tags?: string[]; behaviour?: {runPrevious?: boolean}} = {}) {
  return (
    <>
      <PythonCell id="one" code="a = 1" session={session} tags={extra.tags} />
      <PythonCell id="elsewhere" code="z = 0" session="other" />
      <PythonCell id="two" code="b = a + 1" session={session} />
      <PythonCell id="three" code="b * 10" session={session} behaviour={extra.behaviour} />
    </>
  );
}

const codes = (client: FakePyodideClient) => client.requests.map((request) => request.code);

describe('run-previous: running a cell first runs the earlier cells of its session that have not run', () => {
  it('queues them in page order, says they are needed, and leaves other sessions alone', async () => {
    const client = new FakePyodideClient(testConfig);
    const gate = deferred();
    client.program = async (request, emit) => {
      if (request.cellId === 'one') await gate.promise;
      if (request.cellId === 'three') emit({type: 'result', data: plainText('20'), metadata: {}});
      return {status: 'ok'};
    };
    renderCells(threeCells(), {client});
    fireEvent.click(button(cellElement('three'), 'Run'));

    // The first Run of the page waits for the run code (a chunk of its own).
    await waitFor(() => expect(codes(client)).toEqual(['a = 1', 'b = a + 1', 'b * 10']));
    await waitFor(() => expect(cellElement('one').dataset.state).toBe('running'));
    expect(within(cellElement('one')).getByRole('status').textContent).toBe('Running: needed by a cell below');
    expect(within(cellElement('two')).getByRole('status').textContent).toBe('Queued: needed by a cell below');
    expect(within(cellElement('three')).getByRole('status').textContent).toBe('Queued');
    expect(cellElement('elsewhere').dataset.state).toBe('idle');

    await act(async () => gate.resolve());
    await waitFor(() => expect(cellElement('three').dataset.state).toBe('done'));
    expect(outputArea(cellElement('three')).textContent).toBe('20');
    expect(['one', 'two', 'three'].map((id) => cellElement(id).dataset.executionCount)).toEqual(['1', '2', '3']);

    // They have run now: running the last cell again runs only it.
    fireEvent.click(button(cellElement('three'), 'Run'));
    await waitFor(() => expect(cellElement('three').dataset.executionCount).toBe('4'));
    expect(codes(client)).toEqual(['a = 1', 'b = a + 1', 'b * 10', 'b * 10']);
  });

  it('does not queue an earlier cell twice when it is already queued', async () => {
    const client = new FakePyodideClient(testConfig);
    const gate = deferred();
    client.program = async (request) => {
      if (request.cellId === 'one') await gate.promise;
      return {status: 'ok'};
    };
    renderCells(threeCells(), {client});
    fireEvent.click(button(cellElement('one'), 'Run'));
    fireEvent.click(button(cellElement('three'), 'Run'));
    // Both pressed before the run code arrived: they still queue in the order pressed.
    await waitFor(() => expect(codes(client)).toEqual(['a = 1', 'b = a + 1', 'b * 10']));
    await act(async () => gate.resolve());
    await waitFor(() => expect(cellElement('three').dataset.state).toBe('done'));
  });

  it('is turned off by the site (provider `cells`), and a page override wins over the site', async () => {
    const client = new FakePyodideClient(testConfig);
    render(
      <PyodideProvider config={testConfig} client={client as unknown as PyodideClient} cells={{runPrevious: false}}>
        <PythonCell id="one" code="a = 1" session={session} />
        <PythonCell id="two" code="a" session={session} />
        <PythonCell id="three" code="a + 1" session={session} behaviour={{runPrevious: true}} />
      </PyodideProvider>,
    );
    fireEvent.click(button(cellElement('two'), 'Run'));
    await waitFor(() => expect(cellElement('two').dataset.state).toBe('done'));
    expect(codes(client)).toEqual(['a']);

    fireEvent.click(button(cellElement('three'), 'Run'));
    await waitFor(() => expect(cellElement('three').dataset.state).toBe('done'));
    expect(codes(client)).toEqual(['a', 'a = 1', 'a + 1']);
  });

  it('is turned off by the cell (page front matter) while the site has it on', async () => {
    const client = new FakePyodideClient(testConfig);
    renderCells(threeCells({behaviour: {runPrevious: false}}), {client});
    fireEvent.click(button(cellElement('three'), 'Run'));
    await waitFor(() => expect(cellElement('three').dataset.state).toBe('done'));
    expect(codes(client)).toEqual(['b * 10']);
  });

  it('stops at an earlier cell that raises: the cells after it do not run and say why', async () => {
    const client = new FakePyodideClient(testConfig);
    const error = {
      ename: 'NameError',
      evalue: "name 'q' is not defined",
      traceback: "NameError: name 'q' is not defined",
    };
    client.program = async (request, emit) => {
      if (request.cellId === 'one') {
        emit({type: 'error', error});
        return {status: 'error', error};
      }
      return {status: 'ok'};
    };
    renderCells(threeCells(), {client});
    fireEvent.click(button(cellElement('three'), 'Run'));
    await waitFor(() => expect(cellElement('three').dataset.state).toBe('idle'));
    expect(cellElement('one').dataset.state).toBe('error');
    expect(client.stats.runsCompleted).toBe(1);
    expect(outputArea(cellElement('two')).textContent).toBe('Not run: a cell above that it needs failed');
    expect(outputArea(cellElement('three')).textContent).toBe('Not run: a cell above that it needs failed');
  });

  it('goes on after an earlier cell tagged raises-exception raises, as Jupyter Book runs it', async () => {
    const client = new FakePyodideClient(testConfig);
    const error = {ename: 'ValueError', evalue: 'expected', traceback: 'ValueError: expected'};
    client.program = async (request) => (request.cellId === 'one' ? {status: 'error', error} : {status: 'ok'});
    renderCells(threeCells({tags: ['raises-exception']}), {client});
    fireEvent.click(button(cellElement('three'), 'Run'));
    await waitFor(() => expect(cellElement('three').dataset.state).toBe('done'));
    expect(codes(client)).toEqual(['a = 1', 'b = a + 1', 'b * 10']);
  });

  it('runs a hidden remove-cell cell when needed, and tells its error in the cell that needed it', async () => {
    const client = new FakePyodideClient(testConfig);
    const error = {ename: 'ImportError', evalue: 'no setup', traceback: 'ImportError: no setup'};
    client.program = async (request) => (request.cellId === 'setup' ? {status: 'error', error} : {status: 'ok'});
    renderCells(
      <>
        <PythonCell id="setup" code="import setup" session={session} tags={['remove-cell']}>
          <pre>import setup</pre>
        </PythonCell>
        <PythonCell id="use" code="setup.go()" session={session} />
      </>,
      {client},
    );
    const hidden = cellElement('setup');
    expect(hidden.hidden).toBe(true);
    expect(hidden.textContent).toBe('');
    expect(hidden.querySelector('button')).toBeNull();

    fireEvent.click(button(cellElement('use'), 'Run'));
    await waitFor(() => expect(cellElement('use').dataset.state).toBe('idle'));
    expect(codes(client)).toEqual(['import setup', 'setup.go()']);
    expect(hidden.dataset.state).toBe('error');
    expect(outputArea(cellElement('use')).textContent).toBe(
      'Not run: a cell above that it needs failed (ImportError: no setup)',
    );
  });

  it('runs a doctest block above as documented when a cell below needs it, and turns it live', async () => {
    const client = new FakePyodideClient(testConfig);
    renderCells(
      <>
        <PythonDoctest id="doc" source={'>>> x = 2\n'} code={'x = 2\n'} session={session}>
          <pre>{'>>> x = 2'}</pre>
        </PythonDoctest>
        <PythonCell id="after" code="x * 3" session={session} />
      </>,
      {client},
    );
    const block = document.querySelector<HTMLElement>('[data-pyodocs-doctest="doc"]');
    expect(block?.dataset.mode).toBe('static');
    fireEvent.click(button(cellElement('after'), 'Run'));
    await waitFor(() => expect(cellElement('after').dataset.state).toBe('done'));
    expect(client.requests[0]).toEqual({code: '>>> x = 2\n', session, cellId: 'doc', kind: 'doctest'});
    expect(block?.dataset.mode).toBe('live');
    expect(cellElement('doc').dataset.state).toBe('done');
  });
});
