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

/** The changed-docs notice's labels: English in earlierEditLabels.ts, with the notice's own code. */
export type EarlierEditLabelKey =
  | 'docsChanged'
  | 'showEarlierEdit'
  | 'hideEarlierEdit'
  | 'restoreEarlierEdit'
  | 'discardEarlierEdit';

/** English for the marker and Copy: they show before any run, with the page. */
export const defaultReaderWorkLabels: Readonly<Omit<ReaderWorkLabels, EarlierEditLabelKey>> = Object.freeze({
  editedMarker: 'Your version',
  editedMarkerHint: 'This cell holds your edited code. Reset brings back the documented code.',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy; select the code and copy it yourself',
});
