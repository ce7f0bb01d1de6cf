import {fireEvent, waitFor, within} from '@testing-library/react';
import {describe, expect, it, vi} from 'vitest';
import {PythonCell} from '../src/index.js';
import {deferred} from './FakePyodideClient.js';
import {button, cellElement, renderCells} from './renderCell.js';

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

  it('that only a run shows come from `runLabels`, loaded on intent, and a Run waits for them', async () => {
    const loader = vi.fn(() => Promise.resolve({running: 'Läuft…', queued: 'In der Warteschlange'}));
    const gate = deferred();
    const {client} = renderCells(<PythonCell id="de" code="1" session="s" runLabels={loader} />);
    client.program = async () => {
      await gate.promise;
      return {status: 'ok'};
    };
    const cell = cellElement('de');
    // Not with the page: on intent.
    expect(loader).not.toHaveBeenCalled();
    fireEvent.pointerEnter(cell);
    expect(loader).toHaveBeenCalledTimes(1);

    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(within(cell).getByRole('status').textContent).toBe('Läuft…'));
    gate.resolve();
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(loader).toHaveBeenCalledTimes(1);
  });
});
