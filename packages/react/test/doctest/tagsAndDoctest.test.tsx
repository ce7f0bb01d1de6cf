import {fireEvent, waitFor} from '@testing-library/react';
import {describe, expect, it} from 'vitest';
import {PythonDoctest} from '../../src/index.js';
import {FakePyodideClient} from '../FakePyodideClient.js';
import {button, renderCell, renderCells, testConfig} from '../renderCell.js';

describe('MyST tags on PythonCell', () => {
  it('folds input, output or the whole cell in <details>, closed', () => {
    for (const [tag, part, summary] of [
      ['hide-input', 'input', 'Show code'],
      ['hide-output', 'output', 'Show output'],
      ['hide-cell', 'cell', 'Show cell'],
    ] as const) {
      const {cell, unmount} = renderCell({tags: [tag]});
      const fold = cell.querySelector(`details[data-pyodocs-fold="${part}"]`);
      expect(fold, tag).not.toBeNull();
      expect(fold?.hasAttribute('open')).toBe(false);
      expect(fold?.querySelector('summary')?.textContent).toBe(summary);
      expect(cell.dataset.tags).toBe(tag);
      unmount();
    }
  });

  it('remove-input drops the code (Run stays), remove-output the output area; raises-exception marks the cell', () => {
    const removed = renderCell({tags: ['remove-input', 'remove-output', 'raises-exception', 'unknown-tag']});
    expect(removed.cell.querySelector('pre')).toBeNull();
    expect(button(removed.cell, 'Run')).toBeTruthy();
    expect(removed.cell.querySelector('[data-pyodocs-output]')).toBeNull();
    expect(removed.cell.hasAttribute('data-expected-error')).toBe(true);
    expect(removed.cell.dataset.tags).toBe('remove-input remove-output raises-exception unknown-tag');
    removed.unmount();
    const plain = renderCell({});
    expect(plain.cell.hasAttribute('data-expected-error')).toBe(false);
    expect(plain.cell.hasAttribute('data-tags')).toBe(false);
    expect(plain.cell.querySelector('details')).toBeNull();
  });
});

describe('PythonDoctest', () => {
  it('shows the documented block with Try it, then a live cell that runs the harness and marks each example', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (request, emit) => {
      expect(request.code).toContain('doctest.DocTestParser()');
      emit({
        type: 'display',
        data: {
          'application/vnd.pyodocs.doctest+json': {
            examples: [
              {lineno: 0, source: '1 + 1\n', want: '2\n', got: '2\n', status: 'match'},
              {lineno: 2, source: '2 + 2\n', want: '5\n', got: '4\n', status: 'mismatch'},
            ],
            attempted: 2,
            failed: 1,
          },
          'text/plain': 'doctest: 1 of 2 examples match',
        },
        metadata: {},
      });
      return {status: 'ok'};
    };
    const {container} = renderCells(
      <PythonDoctest id="doctest-1" source={'>>> 1 + 1\n2\n>>> 2 + 2\n5'} session="page:api.md">
        <pre>documented</pre>
      </PythonDoctest>,
      {client},
    );
    const block = container.querySelector<HTMLElement>('[data-pyodocs-doctest="doctest-1"]');
    if (!block) throw new Error('no doctest block');
    expect(block.textContent).toContain('documented');
    fireEvent.click(button(block, 'Try it'));
    const cell = block.querySelector<HTMLElement>('[data-pyodocs-cell="doctest-1"]');
    if (!cell) throw new Error('no live cell');
    expect(cell.textContent).toContain('1 + 1\n2 + 2');
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(block.querySelectorAll('[data-doctest-status]')).toHaveLength(2));
    const statuses = Array.from(block.querySelectorAll('[data-doctest-status]'), (node) =>
      node.getAttribute('data-doctest-status'),
    );
    expect(statuses).toEqual(['match', 'mismatch']);
    expect(block.querySelector('[data-doctest-status="mismatch"] .pyodocs-doctest-got')?.textContent).toBe('4\n');
  });

  it('says "(no output)" for an example that prints nothing, and shows the site labels', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (_request, emit) => {
      emit({
        type: 'display',
        data: {
          'application/vnd.pyodocs.doctest+json': {
            examples: [{lineno: 0, source: 'x = 1\n', want: '', got: '', status: 'match'}],
            attempted: 1,
            failed: 0,
          },
          'text/plain': 'doctest: 1 of 1 examples match',
        },
        metadata: {},
      });
      return {status: 'ok'};
    };
    const {container} = renderCells(<PythonDoctest id="quiet" source={'>>> x = 1'} session="s" />, {
      client,
      labels: {
        tryIt: 'Ausprobieren',
        doctestMatch: 'Stimmt',
        doctestDocumented: 'Dokumentiert',
        doctestNoOutput: '(keine Ausgabe)',
      },
    });
    const block = container.querySelector<HTMLElement>('[data-pyodocs-doctest="quiet"]');
    if (!block) throw new Error('no doctest block');
    fireEvent.click(button(block, 'Ausprobieren'));
    const cell = block.querySelector<HTMLElement>('[data-pyodocs-cell="quiet"]');
    if (!cell) throw new Error('no live cell');
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(block.querySelectorAll('[data-doctest-status]')).toHaveLength(1));
    const example = block.querySelector<HTMLElement>('[data-doctest-status="match"]');
    expect(example?.textContent).toContain('Stimmt');
    expect(example?.textContent).toContain('Dokumentiert');
    for (const box of ['.pyodocs-doctest-want', '.pyodocs-doctest-got']) {
      const pre = example?.querySelector(box);
      expect(pre?.textContent, box).toBe('(keine Ausgabe)');
      expect(pre?.hasAttribute('data-empty'), box).toBe(true);
    }
  });

  it('a block that is not valid doctest stays static, without Try it', () => {
    const {container} = renderCells(<PythonDoctest id="bad" source={'>>>1\n1'} session="s" />);
    expect(container.querySelector('[data-pyodocs-doctest="bad"] button')).toBeNull();
    expect(container.textContent).toContain('>>>1');
  });
});
