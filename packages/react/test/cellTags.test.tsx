import {describe, expect, it} from 'vitest';
import {button, renderCell} from './renderCell.js';

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
