import {describe, expect, it} from 'vitest';
import {parseSavedPageEdits} from '../../src/persistence/savedEdits.js';
import {SAVED_EDITS_KEY_PREFIX, savedEditsKey} from '../../src/persistence/savedEditsKey.js';

describe('the storage format of saved edits', () => {
  it('keys a page by namespace and path, unambiguously, under a versioned prefix', () => {
    expect(savedEditsKey('/site/@2.0', '/site/docs/intro')).toBe('pyodocs:edits:v1:["/site/@2.0","/site/docs/intro"]');
    expect(savedEditsKey('a:b', 'c')).not.toBe(savedEditsKey('a', 'b:c'));
    expect(savedEditsKey('', '/').startsWith(SAVED_EDITS_KEY_PREFIX)).toBe(true);
  });

  it('reads back what it writes', () => {
    const entry = {
      savedAt: 5,
      cells: {
        'py-1': {order: 0, edit: {code: 'x = 2', base: 'x = 1', savedAt: 4}},
        'py-2': {earlier: {code: 'y', base: 'z', savedAt: 3}},
      },
    };
    expect(parseSavedPageEdits(JSON.stringify(entry))).toEqual(entry);
  });

  it.each([
    ['not JSON', '{'],
    ['not an object', '[1]'],
    ['no savedAt', '{"cells": {}}'],
    ['no cells', '{"savedAt": 1}'],
  ])('refuses %s', (_title, text) => {
    expect(parseSavedPageEdits(text)).toBeUndefined();
  });

  it('drops malformed cells alone, and cells with nothing in them', () => {
    const text = JSON.stringify({
      savedAt: 1,
      cells: {
        good: {edit: {code: 'a', base: 'b', savedAt: 1}, order: 2},
        badEdit: {edit: {code: 1, base: 'b', savedAt: 1}},
        empty: {order: 3},
        notAnObject: 'x',
        badOrder: {order: -1, edit: {code: 'a', base: 'b', savedAt: 1}},
      },
    });
    expect(parseSavedPageEdits(text)).toEqual({
      savedAt: 1,
      cells: {
        good: {edit: {code: 'a', base: 'b', savedAt: 1}, order: 2},
        badOrder: {edit: {code: 'a', base: 'b', savedAt: 1}},
      },
    });
  });
});
