import {pageBlockIds} from './pageBlockIds.js';
import type {SavedCellEdits, SavedEdit, SavedPageEdits} from './savedEdits.js';
import type {SavedEditStore} from './SavedEditStore.js';
import {sharedSavedEditStore} from './sharedSavedEditStore.js';
import {viewSavedCellEdits} from './viewSavedCellEdits.js';

// Reading and writing the reader's edits: a chunk of its own
// (loadSavedEditsIO.ts), loaded when storage holds edits of the site or the
// reader starts editing, not with every page that has cells (issue 13).

/** A cell's edits as loaded from the store, and where they are saved. */
export interface SaveTarget {
  store: SavedEditStore;
  namespace: string;
  page: string;
  id: string;
  documented: string;
  /** The id the edits were saved under before a new deploy changed the cell's generated id. */
  movedFrom: string | undefined;
  order: number | undefined;
  /** The reader's version of today's documented code, shown in the cell. */
  mine: SavedEdit | null;
  /** The reader's version of documented code that has changed since. */
  earlier: SavedEdit | null;
}

/** Reads a cell's edits (`store` unset: the tab's shared one). */
export function openSaveTarget(
  store: SavedEditStore | undefined,
  namespace: string,
  page: string,
  id: string,
  documented: string,
): SaveTarget {
  const used = store ?? sharedSavedEditStore();
  const entry = used.read(namespace, page);
  let cell = entry?.cells[id];
  let movedFrom: string | undefined;
  if (!cell && entry) {
    const moved = findMovedCell(entry, id);
    if (moved) ({id: movedFrom, cell} = moved);
  }
  const view = viewSavedCellEdits(cell, documented);
  return {
    store: used,
    namespace,
    page,
    id,
    documented,
    movedFrom,
    order: cell?.order,
    mine: view.mine,
    earlier: view.earlier,
  };
}

/** Saves the editor's text as the reader's version (the documented code: none). */
export function saveText(to: SaveTarget, text: string): void {
  to.mine = text === to.documented ? null : {code: text, base: to.documented, savedAt: Date.now()};
  write(to);
}

/** Saves what the cell holds now under its current id (dropping the id a new deploy replaced). */
export function write(to: SaveTarget): void {
  const found = pageBlockIds().indexOf(to.id);
  if (found >= 0) to.order = found;
  const cell: SavedCellEdits = {
    ...(to.order === undefined ? {} : {order: to.order}),
    ...(to.mine ? {edit: to.mine} : {}),
    ...(to.earlier ? {earlier: to.earlier} : {}),
  };
  const changes: Record<string, SavedCellEdits | undefined> = {[to.id]: cell};
  if (to.movedFrom !== undefined && to.movedFrom !== to.id) changes[to.movedFrom] = undefined;
  to.movedFrom = undefined;
  to.store.update(to.namespace, to.page, changes);
}

/**
 * Edits saved under an id no block on the page has any more, at this
 * cell's place on the page: generated ids come from the code, so a deploy
 * that changed a cell's code changed its id too. (Explicit `id=`s never move.)
 */
function findMovedCell(entry: SavedPageEdits, id: string): {id: string; cell: SavedCellEdits} | undefined {
  const ids = pageBlockIds();
  const order = ids.indexOf(id);
  if (order < 0) return undefined;
  for (const [savedId, cell] of Object.entries(entry.cells)) {
    if (cell.order === order && !ids.includes(savedId)) return {id: savedId, cell};
  }
  return undefined;
}
