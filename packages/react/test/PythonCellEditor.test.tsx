import {EditorView} from '@codemirror/view';
import {act, fireEvent, waitFor, within} from '@testing-library/react';
import {describe, expect, it} from 'vitest';
import {getCurrentCellCode, PythonCell} from '../src/index.js';
import {FakePyodideClient, plainText} from './FakePyodideClient.js';
import {button, cellElement, outputArea, renderCell, renderCells, testConfig} from './renderCell.js';

/** Clicks the static code and waits for CodeMirror to take its place. */
async function openEditor(cell: HTMLElement): Promise<EditorView> {
  const code = cell.querySelector('.pyodocs-code');
  if (!code) throw new Error('no static code');
  fireEvent.click(code.querySelector('pre') ?? code);
  const content = await waitFor(() => {
    const element = cell.querySelector<HTMLElement>('.cm-content');
    if (!element) throw new Error('editor not mounted yet');
    return element;
  });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no EditorView');
  return view;
}

function replaceCode(view: EditorView, code: string): void {
  act(() => view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: code}}));
}

function pressShiftEnter(view: EditorView): void {
  fireEvent.keyDown(view.contentDOM, {key: 'Enter', code: 'Enter', keyCode: 13, shiftKey: true});
}

describe('PythonCell editor on demand', () => {
  it('shows the site code until clicked, then CodeMirror with the same code, focused, in its place', async () => {
    renderCells(
      <PythonCell id="c" code={'x = 1\nx'} session="s">
        <pre className="site-code-block">
          <code>x = 1{'\n'}x</code>
        </pre>
      </PythonCell>,
    );
    const cell = cellElement('c');
    expect(cell.querySelector('.site-code-block')).not.toBeNull();
    expect(cell.querySelector('.cm-editor')).toBeNull();

    const view = await openEditor(cell);
    expect(view.state.doc.toString()).toBe('x = 1\nx');
    expect(cell.querySelector('.site-code-block')).toBeNull();
    expect(cell.querySelector('.pyodocs-editor')?.contains(document.activeElement)).toBe(true);
    expect(view.contentDOM.getAttribute('aria-label')).toBe('Python code');
    // Editing is on, so the Edit affordance goes away.
    expect(within(cell).queryByRole('button', {name: 'Edit'})).toBeNull();
  });

  it('opens the editor from the keyboard: Enter on the code, or the Edit button', async () => {
    renderCells(
      <>
        <PythonCell id="k" code="1" session="s" />
        <PythonCell id="e" code="2" session="s" />
      </>,
    );
    const keyed = cellElement('k');
    fireEvent.keyDown(keyed.querySelector('pre')!, {key: 'Enter'});
    await waitFor(() => expect(keyed.querySelector('.cm-editor')).not.toBeNull());

    const viaButton = cellElement('e');
    fireEvent.click(button(viaButton, 'Edit'));
    await waitFor(() => expect(viaButton.querySelector('.cm-editor')).not.toBeNull());
    expect(viaButton.querySelector('.pyodocs-editor')?.contains(document.activeElement)).toBe(true);
  });

  it('leaves controls inside the site code block alone', () => {
    renderCells(
      <PythonCell id="c" code="1" session="s">
        <div>
          <pre>
            <code>1</code>
          </pre>
          <button type="button">Copy</button>
        </div>
      </PythonCell>,
    );
    const cell = cellElement('c');
    // The site's own Copy, not the toolbar's.
    fireEvent.click(within(cell.querySelector<HTMLElement>('.pyodocs-code')!).getByRole('button', {name: 'Copy'}));
    expect(cell.querySelector('.pyodocs-code')?.getAttribute('aria-busy')).toBeNull();
  });

  it('runs the edited code with Shift+Enter, and Run uses the edits too', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (request, emit) => {
      emit({type: 'result', data: plainText(request.code), metadata: {}});
      return {status: 'ok'};
    };
    const {cell} = renderCell({code: '1 + 1'}, {client});
    const view = await openEditor(cell);
    replaceCode(view, '6 * 7');
    pressShiftEnter(view);
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(client.requests.map((request) => request.code)).toEqual(['6 * 7']);
    expect(view.state.doc.toString()).toBe('6 * 7');

    replaceCode(view, '2 ** 10');
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(client.requests).toHaveLength(2));
    expect(client.requests[1]?.code).toBe('2 ** 10');
  });

  it('Reset puts the original code back, clears the outputs and returns to idle', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (_request, emit) => {
      emit({type: 'stream', name: 'stdout', text: 'out\n'});
      return {status: 'ok'};
    };
    const {cell} = renderCell({id: 'resettable', code: 'print("out")'}, {client});
    const view = await openEditor(cell);
    replaceCode(view, 'print("edited")');
    expect(getCurrentCellCode('resettable')).toBe('print("edited")');
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(outputArea(cell).textContent).toBe('out\n');

    fireEvent.click(button(cell, 'Reset'));
    expect(cell.dataset.state).toBe('idle');
    expect(outputArea(cell).childElementCount).toBe(0);
    expect(view.state.doc.toString()).toBe('print("out")');
    expect(getCurrentCellCode('resettable')).toBe('print("out")');
  });

  it('Reset while running stops the run and ignores what it still sends', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (_request, emit) => {
      emit({type: 'stream', name: 'stdout', text: 'partial\n'});
      await new Promise(() => {});
      return {status: 'ok'};
    };
    const {cell} = renderCell({}, {client});
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(outputArea(cell).textContent).toBe('partial\n'));
    fireEvent.click(button(cell, 'Reset'));
    expect(client.stopCalls).toEqual([client.runIds[0]]);
    await act(async () => {});
    expect(cell.dataset.state).toBe('idle');
    expect(outputArea(cell).textContent).toBe('');
  });
});

describe('getCurrentCellCode', () => {
  it('gives the original code of an unedited cell and forgets unmounted cells', () => {
    const {unmount} = renderCell({id: 'registered', code: 'answer = 42'});
    expect(getCurrentCellCode('registered')).toBe('answer = 42');
    unmount();
    expect(getCurrentCellCode('registered')).toBeUndefined();
  });
});
