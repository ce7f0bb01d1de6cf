/** The strings of the reader's-work features: the edit marker, the changed-docs notice, Copy. Part of `PythonCellLabels`. */
export interface ReaderWorkLabels {
  /** Marker on a cell that holds the reader's version of the code. */
  editedMarker: string;
  /** What the marker means, for assistive technology (and as its tooltip). */
  editedMarkerHint: string;
  /** Notice when the documented code changed since the reader edited it; the cell shows the new code. */
  docsChanged: string;
  /** Toggle that shows the reader's earlier version below the notice. */
  showEarlierEdit: string;
  /** The same toggle while that version is shown. */
  hideEarlierEdit: string;
  /** Button that puts the reader's earlier version in the cell in place of the new documented code. */
  restoreEarlierEdit: string;
  /** Button that forgets the reader's earlier version. */
  discardEarlierEdit: string;
  /** Button that copies the cell's current code. Keep it "Copy" in English (tests find it by name). */
  copy: string;
  /** Announced (politely) and shown for a moment after copying. */
  copied: string;
  /** Shown when the browser refused to copy. */
  copyFailed: string;
}

export const defaultReaderWorkLabels: Readonly<ReaderWorkLabels> = Object.freeze({
  editedMarker: 'Your version',
  editedMarkerHint: 'This cell holds your edited code. Reset brings back the documented code.',
  docsChanged:
    'The documentation changed this example since you edited it. The cell shows the new code; your version is kept.',
  showEarlierEdit: 'Show your version',
  hideEarlierEdit: 'Hide your version',
  restoreEarlierEdit: 'Use your version',
  discardEarlierEdit: 'Discard your version',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy; select the code and copy it yourself',
});
