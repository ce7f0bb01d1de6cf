import {describe, expect, it} from 'vitest';
import {parseSavedPageEdits} from '../../src/persistence/savedEdits.js';
import {savedEditsKey} from '../../src/persistence/savedEditsKey.js';
import {SavedEditStore} from '../../src/persistence/SavedEditStore.js';
import {MemoryStorage} from './memoryStorage.js';

const cell = (code: string, base = 'doc') => ({edit: {code, base, savedAt: 1}});

function clock(start = 1000) {
  let time = start;
  return () => (time += 1);
}

describe('SavedEditStore', () => {
  it('keeps a page in storage, where a new store (a reload) finds it', () => {
    const storage = new MemoryStorage();
    new SavedEditStore({storage: () => storage, now: () => 42}).update('ns', '/a', {'py-1': cell('x = 2')});
    expect(storage.keys()).toEqual([savedEditsKey('ns', '/a')]);
    expect(parseSavedPageEdits(storage.getItem(savedEditsKey('ns', '/a')) ?? '')).toEqual({
      savedAt: 42,
      cells: {'py-1': cell('x = 2')},
    });
    expect(new SavedEditStore({storage: () => storage}).read('ns', '/a')?.cells['py-1']).toEqual(cell('x = 2'));
  });

  it('keeps namespaces and pages apart', () => {
    const storage = new MemoryStorage();
    const store = new SavedEditStore({storage: () => storage});
    store.update('site@1.0', '/a', {c: cell('v1')});
    store.update('site@2.0', '/a', {c: cell('v2')});
    store.update('site@2.0', '/b', {c: cell('b')});
    const reloaded = new SavedEditStore({storage: () => storage});
    expect(reloaded.read('site@1.0', '/a')?.cells.c?.edit?.code).toBe('v1');
    expect(reloaded.read('site@2.0', '/a')?.cells.c?.edit?.code).toBe('v2');
    expect(reloaded.read('site@2.0', '/b')?.cells.c?.edit?.code).toBe('b');
    expect(reloaded.read('other', '/a')).toBeUndefined();
  });

  it('updates one cell without touching the others, and removes the page with its last cell', () => {
    const storage = new MemoryStorage();
    const store = new SavedEditStore({storage: () => storage});
    store.update('', '/a', {one: cell('1'), two: cell('2')});
    store.update('', '/a', {one: undefined});
    expect(Object.keys(new SavedEditStore({storage: () => storage}).read('', '/a')?.cells ?? {})).toEqual(['two']);
    store.update('', '/a', {two: {order: 1}});
    expect(storage.keys()).toEqual([]);
    expect(store.read('', '/a')).toBeUndefined();
  });

  it('keeps at most maxPages pages, evicting the least recently saved', () => {
    const storage = new MemoryStorage();
    const store = new SavedEditStore({storage: () => storage, now: clock(), maxPages: 3});
    for (const page of ['/1', '/2', '/3']) store.update('', page, {c: cell(page)});
    store.update('', '/1', {c: cell('/1 again')});
    store.update('', '/4', {c: cell('/4')});
    const reloaded = new SavedEditStore({storage: () => storage});
    expect(['/1', '/2', '/3', '/4'].filter((page) => reloaded.read('', page))).toEqual(['/1', '/3', '/4']);
  });

  it('keeps at most maxChars characters, evicting the least recently saved pages first', () => {
    const size = (page: string, code: string) =>
      savedEditsKey('', page).length + JSON.stringify({savedAt: 1001, cells: {c: cell(code)}}).length;
    const small = 'x'.repeat(60);
    const large = 'y'.repeat(150);
    // Room for three small pages; the large one needs the room of one more.
    const maxChars = 3 * size('/1', small) + 5;
    expect(size('/4', large)).toBeLessThan(2 * size('/1', small));
    const storage = new MemoryStorage();
    const store = new SavedEditStore({storage: () => storage, now: clock(), maxChars});
    for (const page of ['/1', '/2', '/3']) store.update('', page, {c: cell(small)});
    expect(storage.keys()).toHaveLength(3);
    store.update('', '/4', {c: cell(large)});
    const reloaded = new SavedEditStore({storage: () => storage});
    expect(['/1', '/2', '/3', '/4'].filter((page) => reloaded.read('', page))).toEqual(['/3', '/4']);
    const used = storage.keys().reduce((sum, key) => sum + key.length + (storage.getItem(key) ?? '').length, 0);
    expect(used).toBeLessThanOrEqual(maxChars);
  });

  it('evicts only its own entries, and malformed ones first', () => {
    const storage = new MemoryStorage();
    storage.setItem('someone-else', 'keep me');
    storage.setItem(savedEditsKey('', '/broken'), 'not json');
    const store = new SavedEditStore({storage: () => storage, now: clock(), maxPages: 2});
    store.update('', '/1', {c: cell('1')});
    store.update('', '/2', {c: cell('2')});
    expect(storage.getItem('someone-else')).toBe('keep me');
    expect(storage.getItem(savedEditsKey('', '/broken'))).toBeNull();
    expect(storage.getItem(savedEditsKey('', '/1'))).not.toBeNull();
  });

  it('makes room when storage is full (quota), oldest pages first', () => {
    const storage = new MemoryStorage(500);
    storage.setItem('someone-else', 'z'.repeat(150));
    const store = new SavedEditStore({storage: () => storage, now: clock()});
    store.update('', '/1', {c: cell('a'.repeat(80))});
    store.update('', '/2', {c: cell('b'.repeat(80))});
    store.update('', '/3', {c: cell('c'.repeat(80))});
    const reloaded = new SavedEditStore({storage: () => storage});
    expect(reloaded.read('', '/3')?.cells.c?.edit?.code).toBe('c'.repeat(80));
    expect(reloaded.read('', '/1')).toBeUndefined();
    expect(storage.getItem('someone-else')).not.toBeNull();
  });

  it('keeps a page in memory when storage stays full, without throwing', () => {
    const storage = new MemoryStorage(10);
    const store = new SavedEditStore({storage: () => storage});
    expect(() => store.update('', '/a', {c: cell('mine')})).not.toThrow();
    expect(store.read('', '/a')?.cells.c?.edit?.code).toBe('mine');
    expect(storage.keys()).toEqual([]);
    expect(new SavedEditStore({storage: () => storage}).read('', '/a')).toBeUndefined();
  });

  it('keeps a page larger than the whole budget in memory', () => {
    const storage = new MemoryStorage();
    const store = new SavedEditStore({storage: () => storage, maxChars: 100});
    store.update('', '/a', {c: cell('x'.repeat(200))});
    expect(store.read('', '/a')?.cells.c?.edit?.code).toBe('x'.repeat(200));
    expect(storage.keys()).toEqual([]);
  });

  it.each([
    [
      'refused (the getter throws, as in a sandboxed frame)',
      () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    ],
    ['missing', () => undefined],
    [
      'broken (every call throws)',
      () => {
        const storage = new MemoryStorage();
        storage.getItem = () => {
          throw new Error('broken');
        };
        storage.setItem = () => {
          throw new Error('broken');
        };
        return storage;
      },
    ],
  ])('works in memory when storage is %s', (_title, storage: () => Storage | undefined) => {
    const store = new SavedEditStore({storage});
    expect(store.read('', '/a')).toBeUndefined();
    store.update('', '/a', {c: cell('mine')});
    expect(store.read('', '/a')?.cells.c?.edit?.code).toBe('mine');
    store.update('', '/a', {c: undefined});
    expect(store.read('', '/a')).toBeUndefined();
  });

  it('reads storage once per page, and again after another tab changed it', () => {
    const storage = new MemoryStorage();
    let reads = 0;
    const getItem = storage.getItem.bind(storage);
    storage.getItem = (key) => {
      reads += 1;
      return getItem(key);
    };
    const store = new SavedEditStore({storage: () => storage});
    store.read('', '/a');
    store.read('', '/a');
    expect(reads).toBe(1);
    new SavedEditStore({storage: () => storage}).update('', '/a', {c: cell('from another tab')});
    expect(store.read('', '/a')).toBeUndefined();
    store.forgetCached(savedEditsKey('', '/a'));
    expect(store.read('', '/a')?.cells.c?.edit?.code).toBe('from another tab');
  });
});
