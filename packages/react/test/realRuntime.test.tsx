import {createRequire} from 'node:module';
import {dirname} from 'node:path';
import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import type {PyodideClient} from '@pyodocs/runtime';
import {createNodeClient} from '@pyodocs/runtime/node';
import {afterAll, describe, expect, it} from 'vitest';
import {PythonCell, PythonPageActions} from '../src/index.js';
import {button, cellElement, outputArea, renderCells} from './renderCell.js';

// The cell against the real runtime: Pyodide in a Node worker thread through
// the same PyodideClient the browser uses. One client for the file, as in a tab.
// Paths are given explicitly because under jsdom Vitest serves the runtime's
// modules with http: import.meta.url values, which a Node thread cannot load.
const runtimePackage = createRequire(import.meta.url).resolve('@pyodocs/runtime/package.json');
const nodeClientPaths = {
  workerUrl: `${dirname(runtimePackage)}/dist/node-worker.js`,
  indexURL: `${dirname(createRequire(runtimePackage).resolve('pyodide/package.json'))}/`,
};
const client: PyodideClient = createNodeClient(nodeClientPaths);
afterAll(() => client.dispose());

const pythonTimeout = {timeout: 120_000};

function renderPage() {
  return renderCells(
    <>
      <PythonCell
        id="define"
        code={'import sys\nprint("hello")\nprint("oops", file=sys.stderr)\nanswer = 6 * 7\nanswer'}
        session="page:real.mdx"
      />
      <PythonCell id="reuse" code={'answer + 1'} session="page:real.mdx" />
      <PythonCell id="fail" code={'def f():\n    return 1 / 0\nf()'} session="page:real.mdx" />
    </>,
    {client},
  );
}

describe('PythonCell with the real Pyodide runtime', () => {
  it('runs a page of cells in one session: streams, result, shared variables, traceback', async () => {
    renderPage();
    const define = cellElement('define');
    const reuse = cellElement('reuse');
    const fail = cellElement('fail');
    fireEvent.click(button(define, 'Run'));
    fireEvent.click(button(reuse, 'Run'));
    fireEvent.click(button(fail, 'Run'));
    await waitFor(() => expect(reuse.dataset.state).toBe('queued'));

    await waitFor(() => expect(fail.dataset.state).toBe('error'), pythonTimeout);
    expect(define.dataset.state).toBe('done');
    const streams = [...outputArea(define).querySelectorAll('pre[data-stream]')];
    expect(streams.map((pre) => [pre.getAttribute('data-stream'), pre.textContent])).toEqual([
      ['stdout', 'hello\n'],
      ['stderr', 'oops\n'],
    ]);
    expect(outputArea(define).querySelector('[data-pyodocs-result]')?.textContent).toBe('42');
    expect(outputArea(reuse).querySelector('[data-pyodocs-result]')?.textContent).toBe('43');

    const traceback = outputArea(fail).querySelector('[data-pyodocs-error]');
    expect(traceback?.textContent).toMatch(/ZeroDivisionError: division by zero$/);
    expect(traceback?.querySelector('.pyodocs-ename')?.textContent).toBe('ZeroDivisionError');
    expect(within(fail).getByRole('status').textContent).toMatch(/^Python error \[3\]/);
  }, 150_000);

  it('runs like a notebook: the last cell first runs the ones above; the session keeps its outputs; Restart empties it', async () => {
    const notebook = () => (
      <>
        <PythonPageActions />
        <PythonCell id="nb-1" code={'total = 0'} session="page:notebook.mdx" />
        <PythonCell id="nb-2" code={'total += 40'} session="page:notebook.mdx" />
        <PythonCell id="nb-3" code={'print(total + 2)'} session="page:notebook.mdx" />
      </>
    );
    const first = renderCells(notebook(), {client});
    fireEvent.click(button(cellElement('nb-3'), 'Run'));
    await waitFor(() => expect(cellElement('nb-3').dataset.state).toBe('done'), pythonTimeout);
    expect(outputArea(cellElement('nb-3')).textContent).toBe('42\n');
    expect(['nb-1', 'nb-2', 'nb-3'].map((id) => cellElement(id).dataset.executionCount)).toEqual(['1', '2', '3']);
    first.unmount();

    // Back on the page (client-side navigation): the session's outputs, without running anything.
    renderCells(notebook(), {client});
    expect(outputArea(cellElement('nb-3')).textContent).toBe('42\n');
    fireEvent.click(button(cellElement('nb-3'), 'Run'));
    await waitFor(() => expect(cellElement('nb-3').dataset.executionCount).toBe('4'), pythonTimeout);

    await act(async () => fireEvent.click(screen.getByRole('button', {name: 'Restart'})));
    expect(outputArea(cellElement('nb-3')).textContent).toBe('');
    // The variables are gone: without run-above the last cell alone fails.
    renderCells(<PythonCell id="probe" code={'total'} session="page:notebook.mdx" behaviour={{runPrevious: false}} />, {
      client,
    });
    fireEvent.click(button(cellElement('probe'), 'Run'));
    await waitFor(() => expect(cellElement('probe').dataset.state).toBe('error'), pythonTimeout);
    expect(outputArea(cellElement('probe')).textContent).toContain("NameError: name 'total' is not defined");
  }, 150_000);

  it('stops a running loop: Python restarts and the cell says so', async () => {
    renderCells(<PythonCell id="loop" code={'while True:\n    pass'} session="page:real.mdx" />, {client});
    const loop = cellElement('loop');
    fireEvent.click(button(loop, 'Run'));
    await waitFor(() => expect(loop.dataset.state).toBe('running'), pythonTimeout);
    fireEvent.click(button(loop, 'Stop'));
    await waitFor(() => expect(loop.dataset.state).toBe('idle'), pythonTimeout);
    expect(outputArea(loop).textContent).toBe('Restarted: the Python session was reset');
  }, 150_000);

  it('leaving a page while its code waits in input() stops that run, so the shared Python does not hang', async () => {
    // Shared memory, as on an isolated page: input() can wait for the reader.
    const shared = createNodeClient({...nodeClientPaths, sharedMemory: true});
    try {
      const left = renderCells(
        <PythonCell id="ask" code={'kept = 41\nname = input("Name? ")'} session="page:left.mdx" />,
        {client: shared},
      );
      fireEvent.click(button(cellElement('ask'), 'Run'));
      await waitFor(() => expect(within(cellElement('ask')).getByRole('textbox')).toBeTruthy(), pythonTimeout);
      left.unmount();

      renderCells(<PythonCell id="next" code={'kept + 1'} session="page:left.mdx" />, {client: shared});
      fireEvent.click(button(cellElement('next'), 'Run'));
      await waitFor(() => expect(cellElement('next').dataset.state).toBe('done'), pythonTimeout);
      expect(outputArea(cellElement('next')).querySelector('[data-pyodocs-result]')?.textContent).toBe('42');
      expect(shared.stats.workerStarts).toBe(1);
    } finally {
      shared.dispose();
    }
  }, 150_000);
});
