import type {EarlierEditLabelKey, ReaderWorkLabels} from './ReaderWorkLabels.js';

/**
 * English for the notice shown when the documentation changed an example
 * the reader had edited: part of the notice's chunk (EarlierEditNotice.tsx),
 * which only a returning reader with such an edit loads, not of every page
 * with cells (issue 13). A site's translations come with the cell's labels.
 */
export const englishEarlierEditLabels: Readonly<Pick<ReaderWorkLabels, EarlierEditLabelKey>> = Object.freeze({
  docsChanged:
    'The documentation changed this example since you edited it. The cell shows the new code; your version is kept.',
  showEarlierEdit: 'Show your version',
  hideEarlierEdit: 'Hide your version',
  restoreEarlierEdit: 'Use your version',
  discardEarlierEdit: 'Discard your version',
});
