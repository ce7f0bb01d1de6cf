import {EditorView} from '@codemirror/view';
import {act, fireEvent, waitFor, within} from '@testing-library/react';
import type {RunEvent} from '@pyodocs/runtime';
import type {CSSProperties} from 'react';
import {describe, expect, it} from 'vitest';
import {type DoctestReport, PythonDoctest, type PythonCellLabels, type PythonDoctestProps} from '../../src/index.js';
import {deferred, FakePyodideClient} from '../FakePyodideClient.js';
import {button, outputArea, renderCells, testConfig} from '../renderCell.js';

const source = '>>> 1 + 1\n2\n>>> 2 + 2\n5\n>>> print("$$10")\n$$10';
const code = '1 + 1\n2 + 2\nprint("$$10")';

function reportEvent(report: DoctestReport): RunEvent {
  const matched = report.examples.filter((example) => example.status === 'match').length;
  return {
    type: 'display',
    data: {
      'application/vnd.pyodocs.doctest+json': report,
      'text/plain': `doctest: ${matched} of ${report.examples.length} examples match`,
    },
    metadata: {},
  };
}

const twoExamples: DoctestReport = {
  examples: [
    {lineno: 0, source: '1 + 1\n', want: '2\n', got: '2\n', status: 'match'},
    {lineno: 2, source: '2 + 2\n', want: '5\n', got: '4\n', status: 'mismatch'},
  ],
  attempted: 2,
  failed: 1,
};

function renderDoctest(
  props: Partial<PythonDoctestProps> = {},
  options: {client?: FakePyodideClient; labels?: Partial<PythonCellLabels>} = {},
): {block: HTMLElement; client: FakePyodideClient} {
  const {container, client} = renderCells<FakePyodideClient>(
    <PythonDoctest id="doctest-1" source={source} code={code} session="page:api.md" {...props} />,
    options,
  );
  const block = container.querySelector<HTMLElement>('[data-pyodocs-doctest]');
  if (!block) throw new Error('no doctest block');
  return {block, client};
}

function tryIt(block: HTMLElement, name = 'Try it'): HTMLElement {
  fireEvent.click(button(block, name));
  const cell = block.querySelector<HTMLElement>('[data-pyodocs-cell]');
  if (!cell) throw new Error('no live cell');
  return cell;
}

function statuses(block: HTMLElement): Array<string | null> {
  return Array.from(block.querySelectorAll('[data-doctest-status]'), (node) =>
    node.getAttribute('data-doctest-status'),
  );
}

async function openEditor(cell: HTMLElement): Promise<EditorView> {
  fireEvent.click(button(cell, 'Edit'));
  const content = await waitFor(() => {
    const element = cell.querySelector<HTMLElement>('.cm-content');
    if (!element) throw new Error('editor not mounted yet');
    return element;
  });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no EditorView');
  return view;
}

describe('PythonDoctest', () => {
  it('shows the documented block with Try it, then a live cell with the examples without prompts', () => {
    const {block, client} = renderDoctest({children: <pre>documented</pre>});
    expect(block.dataset.mode).toBe('static');
    expect(block.textContent).toContain('documented');
    const cell = tryIt(block);
    expect(block.dataset.mode).toBe('live');
    expect(cell.dataset.pyodocsCell).toBe('doctest-1');
    expect(cell.querySelector('.pyodocs-code')?.textContent).toBe(code);
    expect(client.requests).toEqual([]);
  });

  it("shows the site's highlighted rendering of the examples in the live cell, and the site's code colours on both roots", () => {
    const style = {'--pyodocs-token-keyword': '#00009f'} as CSSProperties;
    const {block} = renderDoctest({
      children: <pre>documented</pre>,
      highlightedCode: <pre className="site-highlighted">{code}</pre>,
      style,
    });
    expect(block.querySelector('.site-highlighted')).toBeNull();
    expect(block.style.getPropertyValue('--pyodocs-token-keyword')).toBe('#00009f');
    const cell = tryIt(block);
    expect(cell.querySelector('.pyodocs-code .site-highlighted')?.textContent).toBe(code);
    expect(cell.style.getPropertyValue('--pyodocs-token-keyword')).toBe('#00009f');
  });

  it('runs the block as documented, byte for byte, as a doctest run, and marks each example', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (_request, emit) => {
      emit(reportEvent(twoExamples));
      return {status: 'ok'};
    };
    const {block} = renderDoctest({packages: ['numpy'], timeout: 10}, {client});
    const cell = tryIt(block);
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(statuses(block)).toEqual(['match', 'mismatch']));
    expect(client.requests).toEqual([
      {
        code: source,
        kind: 'doctest',
        session: 'page:api.md',
        cellId: 'doctest-1',
        packages: ['numpy'],
        timeoutSeconds: 10,
      },
    ]);
    expect(block.querySelector('[data-doctest-status="mismatch"] .pyodocs-doctest-got')?.textContent).toBe('4\n');
    expect(block.querySelector('[data-doctest-status="match"] .pyodocs-doctest-source')?.textContent).toBe('>>> 1 + 1');
    // The report is shown as results, not as a display output too.
    expect(outputArea(cell).textContent).toBe('');
    expect(cell.dataset.state).toBe('done');
  });

  it('runs edited code as a normal cell, and the documented block again once the edit is undone', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (request, emit) => {
      if (request.kind === 'doctest') emit(reportEvent(twoExamples));
      else emit({type: 'stream', name: 'stdout', text: 'plain run\n'});
      return {status: 'ok'};
    };
    const {block} = renderDoctest({}, {client});
    const cell = tryIt(block);
    const view = await openEditor(cell);
    act(() => view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: 'print(3)'}}));
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(outputArea(cell).textContent).toBe('plain run\n'));
    expect(client.requests.at(-1)).toEqual({code: 'print(3)', session: 'page:api.md', cellId: 'doctest-1'});
    expect(statuses(block)).toEqual([]);

    act(() => view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: code}}));
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(statuses(block)).toEqual(['match', 'mismatch']));
    expect(client.requests.at(-1)?.kind).toBe('doctest');
  });

  it('keeps the verdicts before a stopped example and says "Stopped at example N"', async () => {
    const client = new FakePyodideClient(testConfig);
    const hold = deferred();
    client.program = async (_request, emit) => {
      emit(
        reportEvent({
          examples: [
            ...twoExamples.examples,
            {lineno: 4, source: 'while True: pass\n', want: '', got: '', status: 'mismatch'},
          ],
          attempted: 3,
          failed: 1,
          stoppedAt: 2,
        }),
      );
      await hold.promise;
      return {status: 'ok'};
    };
    const {block} = renderDoctest({}, {client});
    const cell = tryIt(block);
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(statuses(block)).toEqual(['match', 'mismatch', 'stopped']));
    fireEvent.click(button(cell, 'Stop'));
    await waitFor(() => expect(cell.dataset.state).toBe('idle'));

    // The run's report outlives the stop; the cell says what the stop did.
    expect(statuses(block)).toEqual(['match', 'mismatch', 'stopped']);
    const stopped = block.querySelector<HTMLElement>('[data-doctest-status="stopped"]');
    expect(stopped?.querySelector('.pyodocs-doctest-source')?.textContent).toBe('>>> while True: pass');
    expect(stopped?.querySelector('.pyodocs-doctest-verdict')?.textContent).toBe('■ Stopped at example 3');
    expect(stopped?.querySelector('.pyodocs-doctest-compare')).toBeNull();
    expect(outputArea(cell).textContent).toBe('Restarted: the Python session was reset');
  });

  it('says where it stopped when the report lists only the examples before, in the site language', async () => {
    const client = new FakePyodideClient(testConfig);
    const error = {ename: 'KeyboardInterrupt', evalue: '', traceback: 'KeyboardInterrupt'};
    client.program = async (_request, emit) => {
      emit(reportEvent({examples: twoExamples.examples.slice(0, 1), attempted: 1, failed: 0, stoppedAt: 1}));
      emit({type: 'error', error});
      return {status: 'error', error};
    };
    const {block} = renderDoctest({}, {client, labels: {doctestStoppedAt: 'Angehalten bei Beispiel {number}'}});
    const cell = tryIt(block);
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('error'));
    expect(statuses(block)).toEqual(['match', 'stopped']);
    const stopped = block.querySelector<HTMLElement>('[data-doctest-status="stopped"]');
    expect(stopped?.querySelector('.pyodocs-doctest-source')).toBeNull();
    expect(stopped?.textContent).toBe('■ Angehalten bei Beispiel 2');
    expect(outputArea(cell).querySelector('[data-pyodocs-error]')?.textContent).toBe('KeyboardInterrupt');
  });

  it('says "(no output)" for an example that prints nothing, and shows the site labels', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (_request, emit) => {
      emit(
        reportEvent({
          examples: [{lineno: 0, source: 'x = 1\n', want: '', got: '', status: 'match'}],
          attempted: 1,
          failed: 0,
        }),
      );
      return {status: 'ok'};
    };
    const {block} = renderDoctest(
      {source: '>>> x = 1', code: 'x = 1'},
      {
        client,
        labels: {
          tryIt: 'Ausprobieren',
          doctestMatch: 'Stimmt',
          doctestDocumented: 'Dokumentiert',
          doctestNoOutput: '(keine Ausgabe)',
        },
      },
    );
    const cell = tryIt(block, 'Ausprobieren');
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(statuses(block)).toEqual(['match']));
    const example = block.querySelector<HTMLElement>('[data-doctest-status="match"]');
    expect(example?.textContent).toContain('Stimmt');
    expect(example?.textContent).toContain('Dokumentiert');
    for (const box of ['.pyodocs-doctest-want', '.pyodocs-doctest-got']) {
      const pre = example?.querySelector(box);
      expect(pre?.textContent, box).toBe('(keine Ausgabe)');
      expect(pre?.hasAttribute('data-empty'), box).toBe(true);
    }
  });

  it('takes replacements for the results and for the cell parts', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (_request, emit) => {
      emit(reportEvent(twoExamples));
      emit({type: 'stream', name: 'stdout', text: 'printed\n'});
      return {status: 'ok'};
    };
    const {block} = renderDoctest(
      {
        components: {
          Results: ({report}) => <p data-testid="results">{`${report.failed} of ${report.attempted} failed`}</p>,
          Output: ({outputs}) => <p data-testid="output">{`${outputs.length} other output`}</p>,
        },
      },
      {client},
    );
    const cell = tryIt(block);
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(within(block).getByTestId('results').textContent).toBe('1 of 2 failed'));
    expect(within(block).getByTestId('output').textContent).toBe('1 other output');
    expect(button(cell, 'Run')).toBeTruthy();
  });
});
