// How many cells are mounted, kept on globalThis under one symbol and read
// by usePageCellCount.ts through the same symbol rather than an import: the
// hook goes into every page's layout chunk, the cells into chunks of their
// own, and a module both imported would pull the cells' shared chunk into
// pages without cells (webpack's `common` chunk; issue 13).

/** The tab's count of mounted cells and who listens to it. */
export interface PageCellCountStore {
  count: number;
  readonly listeners: Set<() => void>;
}

export const PAGE_CELL_COUNT_KEY = Symbol.for('pyodocs.react.pageCellCount');

export function pageCellCountStore(): PageCellCountStore {
  const holder = globalThis as typeof globalThis & {[PAGE_CELL_COUNT_KEY]?: PageCellCountStore};
  holder[PAGE_CELL_COUNT_KEY] ??= {count: 0, listeners: new Set()};
  return holder[PAGE_CELL_COUNT_KEY];
}
