import {describe, expect, it} from 'vitest';
import type {SavedCellEdits} from '../../src/persistence/savedEdits.js';
import {viewSavedCellEdits} from '../../src/persistence/viewSavedCellEdits.js';

const edit = (code: string, base: string, savedAt = 1) => ({code, base, savedAt});

describe('what a cell shows of its saved edits', () => {
  it.each<[string, SavedCellEdits | undefined, string, {mine: string | null; earlier: string | null}]>([
    ['nothing saved', undefined, 'doc', {mine: null, earlier: null}],
    ["the reader's version of today's code", {edit: edit('mine', 'doc')}, 'doc', {mine: 'mine', earlier: null}],
    ['an edit back to the documented code', {edit: edit('doc', 'doc')}, 'doc', {mine: null, earlier: null}],
    ['the docs changed since the edit', {edit: edit('mine', 'old doc')}, 'doc', {mine: null, earlier: 'mine'}],
    ['the docs now say what the reader wrote', {edit: edit('doc', 'old doc')}, 'doc', {mine: null, earlier: null}],
    [
      'a new edit of the new code, the older version still offered',
      {edit: edit('mine 2', 'doc'), earlier: edit('mine 1', 'old doc')},
      'doc',
      {mine: 'mine 2', earlier: 'mine 1'},
    ],
    [
      'the docs changed twice: the most recent version is offered',
      {edit: edit('mine 2', 'doc 2'), earlier: edit('mine 1', 'doc 1')},
      'doc 3',
      {mine: null, earlier: 'mine 2'},
    ],
    [
      'an earlier version equal to the current one is not offered',
      {edit: edit('same', 'doc'), earlier: edit('same', 'old doc')},
      'doc',
      {mine: 'same', earlier: null},
    ],
  ])('%s', (_title, cell, documented, expected) => {
    const view = viewSavedCellEdits(cell, documented);
    expect({mine: view.mine?.code ?? null, earlier: view.earlier?.code ?? null}).toEqual(expected);
  });
});
