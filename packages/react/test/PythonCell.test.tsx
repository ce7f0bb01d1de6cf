import {act, fireEvent, render, waitFor, within} from '@testing-library/react';
import {describe, expect, it} from 'vitest';
import {PythonCell} from '../src/index.js';
import {deferred, FakePyodideClient, plainText} from './FakePyodideClient.js';
import {button, cellElement, outputArea, renderCell, renderCells, testConfig} from './renderCell.js';

describe('PythonCell running code', () => {
  it('goes idle -> queued (while Python loads) -> running -> done, with a status line', async () => {
    const client = new FakePyodideClient(testConfig);
    const load = deferred();
    const finish = deferred();
    client.loadGate = load.promise;
    client.program = async () => {
      await finish.promise;
      return {status: 'ok'};
    };
    const {cell} = renderCell({}, {client});
    const status = within(cell).getByRole('status');
    expect(cell.dataset.state).toBe('idle');
    expect(client.stats.workerStarts).toBe(0);

    fireEvent.click(button(cell, 'Run'));
    // Once the run code has arrived (a chunk of its own, loaded on intent or Run).
    await waitFor(() => expect(cell.dataset.state).toBe('queued'));
    // The loading stage shows beside the live region, which says "Loading Python…" once.
    await waitFor(() => expect(status.textContent).toBe('Loading Python…'));
    expect(status.parentElement?.textContent).toBe('Loading Python… Loading Python runtime…');
    expect(status.getAttribute('aria-live')).toBe('polite');

    await act(async () => load.resolve());
    await waitFor(() => expect(cell.dataset.state).toBe('running'));
    expect(status.textContent).toBe('Running…');

    await act(async () => finish.resolve());
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    // Like a notebook: the run's number in its session and its duration, read out in words.
    expect(status.querySelector('[aria-hidden="true"]')?.textContent).toMatch(/^\[1\] \d+ ms$/);
    expect(status.querySelector('.pyodocs-visually-hidden')?.textContent).toMatch(
      /^Run 1 of this session, took \d+ ms$/,
    );
    expect(cell.dataset.executionCount).toBe('1');
    expect(client.requests).toEqual([{code: 'print("hi")', session: 'page:test.mdx', cellId: 'py-test'}]);
  });

  it('merges consecutive chunks of one stream, keeps stdout and stderr apart and in order, and shows the result', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (_request, emit) => {
      emit({type: 'stream', name: 'stdout', text: 'a'});
      emit({type: 'stream', name: 'stdout', text: 'b\n'});
      emit({type: 'stream', name: 'stderr', text: 'warning\n'});
      emit({type: 'stream', name: 'stdout', text: 'c\n'});
      emit({type: 'result', data: plainText('42'), metadata: {}});
      return {status: 'ok'};
    };
    const {cell} = renderCell({}, {client});
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('done'));

    const streams = [...outputArea(cell).querySelectorAll('pre[data-stream]')];
    expect(streams.map((pre) => [pre.getAttribute('data-stream'), pre.textContent])).toEqual([
      ['stdout', 'ab\n'],
      ['stderr', 'warning\n'],
      ['stdout', 'c\n'],
    ]);
    expect(streams[1]?.className).toContain('pyodocs-stream--stderr');
    const result = outputArea(cell).querySelector('[data-pyodocs-result]');
    expect(result?.querySelector('pre')?.textContent).toBe('42');
    expect(outputArea(cell).lastElementChild).toBe(result);
  });

  it('renders display outputs by their richest type and says which types it cannot show', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (_request, emit) => {
      emit({type: 'display', data: {'text/html': '<b>x</b>', 'text/plain': 'X()'}, metadata: {}});
      emit({type: 'result', data: {'application/x-unknown': 'iVBOR'}, metadata: {}});
      return {status: 'ok'};
    };
    const {cell} = renderCell({}, {client});
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    // HTML renders once its lazily loaded renderer arrives.
    await waitFor(() => expect(outputArea(cell).querySelector('[data-pyodocs-display] b')?.textContent).toBe('x'));
    expect(outputArea(cell).querySelector('[data-pyodocs-result]')?.textContent).toContain('application/x-unknown');
  });

  it('shows a Python exception as a traceback with the exception name emphasised, and data-state error', async () => {
    const client = new FakePyodideClient(testConfig);
    const error = {
      ename: 'ZeroDivisionError',
      evalue: 'division by zero',
      traceback:
        'Traceback (most recent call last):\n  File "<cell py-test>", line 1, in <module>\nZeroDivisionError: division by zero\n',
    };
    client.program = async (_request, emit) => {
      emit({type: 'stream', name: 'stdout', text: 'before\n'});
      emit({type: 'error', error});
      return {status: 'error', error};
    };
    const {cell} = renderCell({code: 'print("before")\n1 / 0'}, {client});
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('error'));

    const traceback = outputArea(cell).querySelector('pre[data-pyodocs-error]');
    expect(traceback?.textContent).toBe(error.traceback.trimEnd());
    expect(traceback?.querySelector('.pyodocs-ename')?.textContent).toBe('ZeroDivisionError');
    expect(outputArea(cell).querySelectorAll('pre[data-pyodocs-error]')).toHaveLength(1);
    expect(within(cell).getByRole('status').textContent).toMatch(/^Python error \[1\] \d+ msRun 1 of this session/);
  });

  it('emphasises a qualified exception name and shows the error from the outcome when no event carried it', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async () => ({
      status: 'error',
      error: {
        ename: 'MyError',
        evalue: 'bad',
        traceback: 'Traceback (most recent call last):\n  ...\npkg.errors.MyError: bad',
      },
    });
    const {cell} = renderCell({}, {client});
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('error'));
    expect(cell.querySelector('.pyodocs-ename')?.textContent).toBe('pkg.errors.MyError');
  });

  it('keeps the short line of a package error visible and its details behind a closed, labelled toggle', async () => {
    const client = new FakePyodideClient(testConfig);
    const error = {
      ename: 'PackageLoadError',
      evalue: 'the site does not serve numpy (HTTP 404); packages come from the Pyodide distribution',
      traceback:
        'PackageLoadError: the site does not serve numpy (HTTP 404); packages come from the Pyodide distribution',
      details: 'https://cdn.example/numpy-2.2.5-cp313-cp313-pyodide_2025_0_wasm32.whl: 404 Not Found',
    };
    client.program = async () => ({status: 'error', error});
    const {cell} = renderCell({code: 'import numpy'}, {client, labels: {errorDetails: 'Einzelheiten'}});
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('error'));

    expect(outputArea(cell).querySelector('pre[data-pyodocs-error]')?.textContent).toBe(error.traceback);
    const details = outputArea(cell).querySelector('details.pyodocs-error-details');
    expect(details?.hasAttribute('open')).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('Einzelheiten');
    expect(details?.querySelector('pre')?.textContent).toBe(error.details);
    expect(outputArea(cell).querySelectorAll('[data-pyodocs-error]')).toHaveLength(1);
  });

  it("links the URLs of an error's message (the site's page about packages), not the punctuation after them", async () => {
    const client = new FakePyodideClient(testConfig);
    const evalue =
      'Could not load this package:\n  numpy: could not reach cdn.example (offline?)\nPackages come from cdn.example/. See https://docs.example.org/packages.';
    const error = {ename: 'PackageDownloadError', evalue, traceback: `PackageDownloadError: ${evalue}`};
    client.program = async () => ({status: 'error', error});
    const {cell} = renderCell({code: 'import numpy'}, {client});
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('error'));
    const traceback = outputArea(cell).querySelector('pre[data-pyodocs-error]');
    expect(traceback?.textContent).toBe(error.traceback);
    const links = [...(traceback?.querySelectorAll('a') ?? [])];
    expect(links.map((link) => [link.getAttribute('href'), link.textContent, link.target, link.rel])).toEqual([
      ['https://docs.example.org/packages', 'https://docs.example.org/packages', '_blank', 'noopener noreferrer'],
    ]);
  });

  it('shows no toggle for an error without details, and says "Details" in English', async () => {
    const client = new FakePyodideClient(testConfig);
    const plain = {ename: 'ValueError', evalue: 'no', traceback: 'ValueError: no'};
    client.program = async () => ({status: 'error', error: plain});
    const first = renderCell({}, {client});
    fireEvent.click(button(first.cell, 'Run'));
    await waitFor(() => expect(first.cell.dataset.state).toBe('error'));
    expect(first.cell.querySelector('details')).toBeNull();
    first.unmount();

    client.program = async () => ({status: 'error', error: {...plain, details: 'why'}});
    const second = renderCell({}, {client});
    fireEvent.click(button(second.cell, 'Run'));
    await waitFor(() => expect(second.cell.dataset.state).toBe('error'));
    expect(second.cell.querySelector('details > summary')?.textContent).toBe('Details');
  });

  it('ends in error with the reason when Python itself could not run', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async () => ({status: 'failed', message: 'Failed to fetch pyodide.asm.wasm'});
    const {cell} = renderCell({}, {client});
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('error'));
    expect(outputArea(cell).textContent).toBe('Python could not run: Failed to fetch pyodide.asm.wasm');
    expect(within(cell).getByRole('status').textContent).toBe('Python could not run');
  });

  it('queues repeated Run presses and clears the output at the start of each run', async () => {
    const client = new FakePyodideClient(testConfig);
    const gates = [deferred(), deferred()];
    let runs = 0;
    client.program = async (_request, emit) => {
      const gate = gates[runs];
      runs += 1;
      emit({type: 'stream', name: 'stdout', text: `run ${runs}\n`});
      await gate?.promise;
      return {status: 'ok'};
    };
    const {cell} = renderCell({}, {client});
    fireEvent.click(button(cell, 'Run'));
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(outputArea(cell).textContent).toBe('run 1\n'));
    expect(cell.dataset.state).toBe('running');

    await act(async () => gates[0]?.resolve());
    await waitFor(() => expect(outputArea(cell).textContent).toBe('run 2\n'));
    expect(cell.dataset.state).toBe('running');

    await act(async () => gates[1]?.resolve());
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(client.requests).toHaveLength(2);
  });

  it('runs cells of a page in their session, in the order they were pressed', async () => {
    const client = new FakePyodideClient(testConfig);
    renderCells(
      <>
        <PythonCell id="a" code="x = 1" session="page:a.mdx" />
        <PythonCell id="b" code="x" session="other" />
      </>,
      {client},
    );
    fireEvent.click(button(cellElement('b'), 'Run'));
    fireEvent.click(button(cellElement('a'), 'Run'));
    await waitFor(() => expect(cellElement('a').dataset.state).toBe('done'));
    expect(client.requests).toEqual([
      {code: 'x', session: 'other', cellId: 'b'},
      {code: 'x = 1', session: 'page:a.mdx', cellId: 'a'},
    ]);
  });

  it('sends the declared packages and the time limit with every run, as given', async () => {
    const {cell, client} = renderCell({packages: ['numpy', 'my-pkg==1.0'], timeout: 5});
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(client.requests).toEqual([
      {
        code: 'print("hi")',
        session: 'page:test.mdx',
        cellId: 'py-test',
        packages: ['numpy', 'my-pkg==1.0'],
        timeoutSeconds: 5,
      },
    ]);
  });

  it('leaves out empty packages and a time limit that is not a number of seconds', async () => {
    const {cell, client} = renderCell({packages: [], timeout: Number.NaN});
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(client.requests).toEqual([{code: 'print("hi")', session: 'page:test.mdx', cellId: 'py-test'}]);
  });

  it('explains in the cell when no PyodideProvider is mounted', () => {
    render(<PythonCell id="alone" code="1" session="s" />);
    const cell = cellElement('alone');
    fireEvent.click(button(cell, 'Run'));
    expect(cell.dataset.state).toBe('error');
    expect(outputArea(cell).textContent).toBe('This cell cannot run: no PyodideProvider is mounted above it.');
  });
});

describe('PythonCell Stop', () => {
  it('is disabled while idle and when the run has finished', async () => {
    const {cell} = renderCell();
    expect(button(cell, 'Stop').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button(cell, 'Run'));
    expect(button(cell, 'Stop').getAttribute('aria-disabled')).toBe('false');
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(button(cell, 'Stop').getAttribute('aria-disabled')).toBe('true');
  });

  it('interrupts the running run by its id; the cell goes idle and says Python restarted', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (_request, emit) => {
      emit({type: 'stream', name: 'stdout', text: 'working\n'});
      await new Promise(() => {});
      return {status: 'ok'};
    };
    const {cell} = renderCell({}, {client});
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('running'));

    fireEvent.click(button(cell, 'Stop'));
    expect(client.stopCalls).toEqual([client.runIds[0]]);
    await waitFor(() => expect(cell.dataset.state).toBe('idle'));
    expect(outputArea(cell).textContent).toBe('working\nRestarted: the Python session was reset');
    expect(button(cell, 'Stop').getAttribute('aria-disabled')).toBe('true');
  });

  it('cancels a queued run before it starts', async () => {
    const client = new FakePyodideClient(testConfig);
    const blocker = deferred();
    client.program = async (request) => {
      if (request.cellId === 'first') await blocker.promise;
      return {status: 'ok'};
    };
    renderCells(
      <>
        <PythonCell id="first" code="slow()" session="s" />
        <PythonCell id="second" code="fast()" session="s" />
      </>,
      {client},
    );
    const second = cellElement('second');
    fireEvent.click(button(cellElement('first'), 'Run'));
    fireEvent.click(button(second, 'Run'));
    await waitFor(() => expect(cellElement('first').dataset.state).toBe('running'));
    expect(second.dataset.state).toBe('queued');
    expect(within(second).getByRole('status').textContent).toBe('Queued');

    fireEvent.click(button(second, 'Stop'));
    expect(client.stopCalls).toEqual([client.runIds[1]]);
    await waitFor(() => expect(second.dataset.state).toBe('idle'));
    expect(outputArea(second).textContent).toBe('Stopped before it ran');
    expect(cellElement('first').dataset.state).toBe('running');
    await act(async () => blocker.resolve());
    await waitFor(() => expect(cellElement('first').dataset.state).toBe('done'));
    expect(client.stats.runsCompleted).toBe(1);
  });
});
