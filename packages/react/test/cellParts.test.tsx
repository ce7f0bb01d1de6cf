import {fireEvent, render, waitFor, within} from '@testing-library/react';
import {describe, expect, it, vi} from 'vitest';
import {
  defaultPythonCellLabels,
  PythonCell,
  PythonCellOutput,
  type PythonCellOutputProps,
  type PythonCellStatusProps,
  PythonCellToolbar,
  type PythonCellToolbarProps,
  usePythonCell,
} from '../src/index.js';
import {FakePyodideClient, plainText} from './FakePyodideClient.js';
import {button, cellElement, outputArea, renderCells, testConfig} from './renderCell.js';

/** A swizzle-style wrapper: the default toolbar plus a button of its own that reads the cell. */
function ToolbarWithCopy(props: PythonCellToolbarProps) {
  const cell = usePythonCell();
  return (
    <>
      <PythonCellToolbar {...props} />
      <button type="button" data-copied={cell.getCode()} onClick={() => cell.run()}>
        Run again
      </button>
    </>
  );
}

function CountingOutput({outputs}: PythonCellOutputProps) {
  const {id} = usePythonCell();
  return (
    <div data-pyodocs-output="" data-testid="custom-output">
      {`${id}: ${outputs.length} outputs`}
    </div>
  );
}

function PlainStatus({dataState}: PythonCellStatusProps) {
  return <output data-testid="custom-status">{dataState}</output>;
}

describe('PythonCell parts', () => {
  it('takes replacements through components; the rest stay the defaults and the DOM contract holds', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (_request, emit) => {
      emit({type: 'result', data: plainText('2'), metadata: {}});
      return {status: 'ok'};
    };
    renderCells(
      <PythonCell
        id="parts"
        code="1 + 1"
        session="s"
        components={{Toolbar: ToolbarWithCopy, Output: CountingOutput, Status: PlainStatus, Code: undefined}}
      />,
      {client},
    );
    const cell = cellElement('parts');
    // The default code part (with its Edit button) and the wrapped toolbar's buttons.
    expect(cell.querySelector('.pyodocs-code')?.textContent).toBe('1 + 1');
    expect(
      within(cell)
        .getAllByRole('button')
        .map((node) => node.textContent),
    ).toEqual(['Run', 'Stop', 'Reset', 'Edit', 'Copy', 'Run again']);
    expect(cell.querySelector('[data-copied]')?.getAttribute('data-copied')).toBe('1 + 1');
    // The status part sits where the toolbar puts its children.
    expect(cell.querySelector('.pyodocs-toolbar [data-testid="custom-status"]')?.textContent).toBe('idle');

    fireEvent.click(button(cell, 'Run again'));
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(outputArea(cell).textContent).toBe('parts: 1 outputs');
    expect(within(cell).getByTestId('custom-status').textContent).toBe('done');
    expect(client.requests).toEqual([{code: '1 + 1', session: 's', cellId: 'parts'}]);
  });

  it('keeps the tags working around replaced parts: remove-input drops the code part, hide-output folds the output part', () => {
    const Code = vi.fn(() => <pre>custom code</pre>);
    renderCells(
      <>
        <PythonCell id="removed" code="1" session="s" tags={['remove-input']} components={{Code}} />
        <PythonCell id="folded" code="2" session="s" tags={['hide-output']} components={{Output: CountingOutput}} />
      </>,
    );
    expect(Code).not.toHaveBeenCalled();
    expect(cellElement('removed').textContent).not.toContain('custom code');
    const fold = cellElement('folded').querySelector('details[data-pyodocs-fold="output"]');
    expect(fold?.querySelector('[data-testid="custom-output"]')?.textContent).toBe('folded: 0 outputs');
  });

  it('render on their own, from props', () => {
    render(
      <PythonCellOutput
        outputs={[
          {kind: 'stream', name: 'stdout', text: 'hi\n'},
          {kind: 'notice', tone: 'info', text: 'note'},
        ]}
        labels={defaultPythonCellLabels}
      />,
    );
    const area = document.querySelector<HTMLElement>('[data-pyodocs-output]');
    expect(area?.getAttribute('aria-label')).toBe('Output');
    expect(area?.textContent).toBe('hi\nnote');
  });

  it('usePythonCell says where it works when called outside a cell', () => {
    function Outside() {
      usePythonCell();
      return null;
    }
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Outside />)).toThrow(/only inside a <PythonCell>/);
    vi.mocked(console.error).mockRestore();
  });
});
