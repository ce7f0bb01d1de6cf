import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {PythonCell, PythonDoctest, PythonPageActions, type NotebookFile} from '../../src/index.js';
import {FakePyodideClient, plainText} from '../FakePyodideClient.js';
import {button, cellElement, outputArea, renderCells, testConfig} from '../renderCell.js';

const session = 'page:actions.mdx';

function page(options: {failing?: boolean; withActions?: boolean} = {}) {
  return (
    <>
      {options.withActions === false ? null : <PythonPageActions />}
      <PythonCell id="one" code="a = 1" session={session} tags={['hide-input']} />
      <PythonCell id="named" code={'print("hello")'} session="tour" />
      <PythonCell id="two" code={options.failing ? '1 / 0' : 'a + 1'} session={session} />
      <PythonCell id="three" code="a + 2" session={session} />
    </>
  );
}

function answering(client: FakePyodideClient) {
  client.program = async (request, emit) => {
    if (request.code === '1 / 0') {
      const error = {
        ename: 'ZeroDivisionError',
        evalue: 'division by zero',
        traceback: 'Traceback\nZeroDivisionError: division by zero',
      };
      emit({type: 'error', error});
      return {status: 'error', error};
    }
    if (request.code.startsWith('print')) emit({type: 'stream', name: 'stdout', text: 'hello\n'});
    if (request.code.startsWith('a +'))
      emit({type: 'result', data: plainText(request.code === 'a + 1' ? '2' : '3'), metadata: {}});
    return {status: 'ok'};
  };
}

const actions = () => screen.getByRole('group', {name: 'Python on this page'});
const status = () => within(actions()).getByRole('status');

const restorers: Array<() => void> = [];
afterEach(() => {
  for (const restore of restorers.splice(0)) restore();
});

/** Catches what Download notebook saves: jsdom has no object URLs, and following the link would navigate. */
function captureDownloads() {
  const saved: Blob[] = [];
  const {createObjectURL, revokeObjectURL} = URL;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    saved.push(blob as Blob);
    return 'blob:notebook';
  };
  URL.revokeObjectURL = () => {};
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  restorers.push(() => {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    click.mockRestore();
  });
  return {saved, click};
}

/** jsdom's Blob has no text(). */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('PythonPageActions', () => {
  it('renders nothing on a page without cells', () => {
    renderCells(<PythonPageActions />);
    expect(document.querySelector('[data-pyodocs-page-actions]')).toBeNull();
  });

  it('shows a fallback place only while no other place shows the actions', () => {
    const {rerender} = renderCells(
      <>
        <PythonPageActions fallback className="in-footer" />
        <PythonCell id="one" code="1" session={session} />
      </>,
    );
    expect(actions().classList.contains('in-footer')).toBe(true);
    rerender(
      <>
        <PythonPageActions className="in-toc" />
        <PythonPageActions fallback className="in-footer" />
        <PythonCell id="one" code="1" session={session} />
      </>,
    );
    expect(screen.getAllByRole('group', {name: 'Python on this page'}).map((group) => group.className)).toEqual([
      'pyodocs-page-actions in-toc',
    ]);
  });

  it('offers Run all, Restart and Download notebook as real buttons, with a polite status line', () => {
    renderCells(page());
    for (const name of ['Run all', 'Restart', 'Download notebook']) {
      expect(within(actions()).getByRole('button', {name}).getAttribute('type')).toBe('button');
    }
    expect(status().getAttribute('aria-live')).toBe('polite');
    expect(status().textContent).toBe('');
  });

  it('Run all runs every cell in page order, across sessions, and says when it is done', async () => {
    const client = new FakePyodideClient(testConfig);
    answering(client);
    renderCells(page(), {client});
    fireEvent.click(within(actions()).getByRole('button', {name: 'Run all'}));
    // Pressed once, at once: a second press runs nothing more.
    expect(within(actions()).getByRole('button', {name: 'Run all'}).getAttribute('aria-disabled')).toBe('true');
    // The cells are queued, and what Run all does is said, once the run code has arrived (a chunk of its own).
    await waitFor(() => expect(status().textContent).toBe('Running all 4 cells…'));
    await waitFor(() =>
      expect(client.requests.map((request) => request.code)).toEqual(['a = 1', 'print("hello")', 'a + 1', 'a + 2']),
    );
    await waitFor(() => expect(status().textContent).toBe('Ran all 4 cells'));
    expect(outputArea(cellElement('three')).textContent).toBe('3');
    expect(cellElement('named').dataset.executionCount).toBe('1');
    expect(cellElement('three').dataset.executionCount).toBe('3');
  });

  it('Run all stops at a cell that fails; the cells after it do not run', async () => {
    const client = new FakePyodideClient(testConfig);
    answering(client);
    renderCells(page({failing: true}), {client});
    fireEvent.click(within(actions()).getByRole('button', {name: 'Run all'}));
    await waitFor(() => expect(status().textContent).toBe('Run all stopped: a cell failed'));
    expect(client.stats.runsCompleted).toBe(3);
    expect(cellElement('two').dataset.state).toBe('error');
    expect(cellElement('three').dataset.state).toBe('idle');
    expect(outputArea(cellElement('three')).textContent).toBe('Not run: a cell above that it needs failed');
  });

  it('Restart empties the sessions of the page and clears the outputs; the code stays', async () => {
    const client = new FakePyodideClient(testConfig);
    answering(client);
    renderCells(page(), {client});
    fireEvent.click(within(actions()).getByRole('button', {name: 'Run all'}));
    await waitFor(() => expect(status().textContent).toBe('Ran all 4 cells'));

    await act(async () => fireEvent.click(within(actions()).getByRole('button', {name: 'Restart'})));
    expect(client.resetSessions.sort()).toEqual([session, 'tour']);
    expect(status().textContent).toBe('Restarted: the variables of this page are gone');
    for (const id of ['one', 'named', 'two', 'three']) {
      expect(cellElement(id).dataset.state).toBe('idle');
      expect(cellElement(id).dataset.executionCount).toBeUndefined();
      expect(outputArea(cellElement(id)).textContent).toBe('');
    }
    // Counts start again, and run-above knows the cells above have not run.
    fireEvent.click(button(cellElement('three'), 'Run'));
    await waitFor(() => expect(cellElement('three').dataset.executionCount).toBe('3'));
    expect(cellElement('one').dataset.executionCount).toBe('1');
    expect(cellElement('named').dataset.executionCount).toBeUndefined();
  });

  it('Download notebook saves an nbformat 4 notebook of the page with the reader’s code and outputs', async () => {
    const client = new FakePyodideClient(testConfig);
    answering(client);
    const {saved, click} = captureDownloads();
    renderCells(
      <>
        <PythonPageActions
          notebookName="actions"
          loadNotebookSource={async () => ({
            cells: [
              {id: 'one', code: 'a = 1', tags: ['hide-input']},
              {id: 'named', code: 'print("hello")'},
              {id: 'two', code: 'a + 1'},
              {id: 'three', code: 'a + 2'},
            ],
            notebook: [
              {type: 'markdown', source: '# Actions\n\nSome prose.\n'},
              {type: 'code', id: 'one'},
              {type: 'code', id: 'named'},
              {type: 'markdown', source: 'More prose.'},
              {type: 'code', id: 'two'},
              {type: 'code', id: 'three'},
            ],
          })}
        />
        {page({withActions: false})}
      </>,
      {client},
    );
    fireEvent.click(button(cellElement('two'), 'Run'));
    await waitFor(() => expect(cellElement('two').dataset.state).toBe('done'));

    await act(async () => fireEvent.click(within(actions()).getByRole('button', {name: 'Download notebook'})));
    await waitFor(() => expect(status().textContent).toBe('Notebook saved'));
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('actions.ipynb');
    const notebook = JSON.parse(await readBlob(saved[0]!)) as NotebookFile;
    expect(notebook.nbformat).toBe(4);
    expect(notebook.cells.map((cell) => cell.cell_type)).toEqual([
      'markdown',
      'code',
      'code',
      'markdown',
      'code',
      'code',
    ]);
    expect(notebook.cells[0]).toEqual({
      cell_type: 'markdown',
      id: 'md-0',
      metadata: {},
      source: ['# Actions\n', '\n', 'Some prose.\n'],
    });
    expect(notebook.cells[1]).toMatchObject({
      id: 'one',
      execution_count: 1,
      metadata: {tags: ['hide-input']},
      outputs: [],
    });
    expect(notebook.cells[2]).toMatchObject({id: 'named', execution_count: null, outputs: []});
    expect(notebook.cells[4]).toEqual({
      cell_type: 'code',
      id: 'two',
      metadata: {},
      execution_count: 2,
      source: ['a + 1'],
      outputs: [{output_type: 'execute_result', execution_count: 2, data: {'text/plain': ['2']}, metadata: {}}],
    });
  });

  it('Download notebook without the page description still saves the page’s cells, as code cells', async () => {
    const {saved} = captureDownloads();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderCells(
      <>
        <PythonPageActions loadNotebookSource={() => Promise.reject(new Error('404'))} />
        <PythonDoctest id="doc" source={'>>> 1 + 1\n2\n'} code={'1 + 1\n'} session={session} />
      </>,
    );
    await act(async () => fireEvent.click(within(actions()).getByRole('button', {name: 'Download notebook'})));
    const notebook = JSON.parse(await readBlob(saved[0]!)) as NotebookFile;
    expect(notebook.cells).toEqual([
      {cell_type: 'code', id: 'doc', metadata: {}, execution_count: null, outputs: [], source: ['1 + 1\n']},
    ]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
