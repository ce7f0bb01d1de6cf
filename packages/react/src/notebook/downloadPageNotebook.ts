import type {SessionLedger} from './SessionLedger.js';
import type {PageNotebookSource} from './pageNotebook.js';
import {pageNotebookOf} from './pageNotebookOf.js';
import {saveFile} from './saveFile.js';

// A chunk of its own, loaded when the reader presses Download notebook (issue 13).

/** Saves the page as `name` (an .ipynb file). */
export function downloadPageNotebook(
  ledger: SessionLedger | undefined,
  source: PageNotebookSource | undefined,
  name: string,
): void {
  const notebook = pageNotebookOf(ledger, source);
  saveFile(name, `${JSON.stringify(notebook, null, 1)}\n`, 'application/x-ipynb+json');
}
