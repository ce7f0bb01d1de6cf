import {useSyncExternalStore} from 'react';

// pageCellCount.ts's store, reached through its global symbol and not
// imported: see there why this hook must share no module with the cells.
interface PageCellCountStore {
  count: number;
  readonly listeners: Set<() => void>;
}
const key = Symbol.for('pyodocs.react.pageCellCount');

function store(): PageCellCountStore {
  const holder = globalThis as typeof globalThis & {[key]?: PageCellCountStore};
  holder[key] ??= {count: 0, listeners: new Set()};
  return holder[key];
}

function subscribe(listener: () => void): () => void {
  const {listeners} = store();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const count = () => store().count;
const noCells = () => 0;

/**
 * How many cells and doctest blocks are mounted on the page (0 on the
 * server and while hydrating). Light on purpose: page chrome that every
 * page renders (a table of contents, a footer) asks this before it loads
 * the page actions, which come in their own chunk.
 */
export function usePageCellCount(): number {
  return useSyncExternalStore(subscribe, count, noCells);
}
