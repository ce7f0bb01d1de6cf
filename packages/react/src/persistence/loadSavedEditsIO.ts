import {onDemandModule} from '../output/lazyChunk.js';
import type {SavedEditStore} from './SavedEditStore.js';
import {SAVED_EDITS_KEY_PREFIX, savedEditsKey} from './savedEditsKey.js';
import type * as SavedEditsIO from './savedEditsIO.js';

export type SavedEditsIOModule = typeof SavedEditsIO;

// The code that reads and writes the reader's edits is a chunk of its own:
// most readers have none, and a page with cells need not carry it (issue 13).
// A synchronous look at storage tells whether the page needs it now.
//   loadSavedEditsIO    that code, loading it if needed (a failed load is tried again by the next call)
//   loadedSavedEditsIO  that code if it has arrived
//   savedEditsIOFailed  it failed to load (offline, a deploy that removed the chunk): cells stop
//                       waiting for it and show the documented code, or a cell that suspends on it
//                       would ask for it again on every render
export const [loadSavedEditsIO, loadedSavedEditsIO, savedEditsIOFailed] = onDemandModule<SavedEditsIOModule>(
  () => import(/* webpackChunkName: "pyodocs-saved-edits" */ './savedEditsIO.js'),
);

let warned = false;

/** Says once per tab, in the console, that the reader's saved edits are not shown and why. */
export function warnSavedEditsNotShown(error: unknown): void {
  if (warned) return;
  warned = true;
  console.warn("[pyodocs] Your saved edits could not be loaded; the cells show the page's code.", error);
}

/**
 * Whether the page's cells must read saved edits before they show their
 * code: a store of the caller's, or storage holding an entry for the page.
 * (Edits kept in memory only, when storage fails, exist only once the code has loaded.)
 */
export function pageMayHoldSavedEdits(store: SavedEditStore | undefined, namespace: string, page: string): boolean {
  if (store !== undefined) return true;
  try {
    return localStorage.getItem(savedEditsKey(namespace, page)) !== null;
  } catch {
    return false;
  }
}

let lookedAtSite = false;

/** Once per tab: when storage holds edits of any page, their code loads now, so that the pages the reader goes to show them at once. */
export function preloadIfSiteHoldsSavedEdits(): void {
  if (lookedAtSite || loadedSavedEditsIO()) return;
  lookedAtSite = true;
  try {
    for (let index = 0; index < localStorage.length; index += 1) {
      if (localStorage.key(index)?.startsWith(SAVED_EDITS_KEY_PREFIX)) {
        loadSavedEditsIO().catch(warnSavedEditsNotShown);
        return;
      }
    }
  } catch {
    // No storage: nothing saved to show.
  }
}

// As the cells' code arrives, before they hydrate: a returning reader's
// edits are read as soon as can be, in parallel with hydration.
if (typeof window !== 'undefined') preloadIfSiteHoldsSavedEdits();
