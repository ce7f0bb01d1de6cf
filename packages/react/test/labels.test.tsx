import {within} from '@testing-library/react';
import {describe, expect, it} from 'vitest';
import {PythonCell} from '../src/index.js';
import {cellElement, renderCells} from './renderCell.js';

describe('labels', () => {
  it('come from the provider for every cell, and a cell can override some of them', () => {
    renderCells(
      <>
        <PythonCell id="a" code="1" session="s" />
        <PythonCell id="b" code="2" session="s" labels={{stop: 'Anhalten'}} />
      </>,
      {labels: {run: 'Ausführen', reset: 'Zurücksetzen', edit: 'Bearbeiten'}},
    );
    const names = (id: string) =>
      within(cellElement(id))
        .getAllByRole('button')
        .map((button) => button.textContent);
    expect(names('a')).toEqual(['Ausführen', 'Stop', 'Zurücksetzen', 'Bearbeiten', 'Copy']);
    expect(names('b')).toEqual(['Ausführen', 'Anhalten', 'Zurücksetzen', 'Bearbeiten', 'Copy']);
  });

  it('default to English, with the exact button names end-to-end tests rely on', () => {
    renderCells(<PythonCell id="en" code="1" session="s" />);
    const cell = cellElement('en');
    for (const name of ['Run', 'Stop', 'Reset']) {
      expect(within(cell).getByRole('button', {name}).getAttribute('type')).toBe('button');
    }
  });
});
