import type {SavedCellEdits, SavedEdit} from './savedEdits.js';

/** What a cell shows of its saved edits, given today's documented code. */
export interface SavedCellEditsView {
  /** The reader's version of today's documented code: the cell holds it. */
  mine: SavedEdit | null;
  /** The reader's version of documented code that has changed since: offered beside the new code, never mixed in. */
  earlier: SavedEdit | null;
}

/**
 * Sorts a cell's saved versions against the code the page documents now.
 * An edit made from other documented code (a new deploy changed it) becomes
 * the earlier version; the most recent such version wins. Versions equal to
 * what the cell would show anyway are no longer worth a marker or a notice.
 */
export function viewSavedCellEdits(cell: SavedCellEdits | undefined, documented: string): SavedCellEditsView {
  const edit = cell?.edit;
  const current = edit !== undefined && edit.base === documented;
  const mine = current && edit.code !== documented ? edit : null;
  let earlier = (!current ? edit : undefined) ?? cell?.earlier ?? null;
  if (earlier && (earlier.code === documented || earlier.code === mine?.code)) earlier = null;
  return {mine, earlier};
}
