/** What the code part shows of the reader's edits (PythonCellCode's `edits`). */
export interface CellEditState {
  /** The cell holds the reader's version, not the documented code: show the marker. */
  edited: boolean;
  /** The reader's version to show while the editor is closed (instead of the site's static code); null: the documented code. */
  readerCode: string | null;
  /**
   * The reader's version of documented code that has changed since (a new
   * deploy): the cell shows the new code and offers this one beside it,
   * never mixed in. Null: nothing to offer.
   */
  earlierCode: string | null;
  /** The reader's edits of this cell are kept in browser storage (the site's and the page's settings). */
  persisted: boolean;
  /** Puts the earlier version in the cell in place of the code it holds. */
  restoreEarlier(): void;
  /** Forgets the earlier version. */
  discardEarlier(): void;
}
