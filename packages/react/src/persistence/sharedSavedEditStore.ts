import {SavedEditStore} from './SavedEditStore.js';

// One store per tab, on globalThis like the shared clients: a second copy of
// this module (hot reload, a site bundling the package twice) still finds
// the edits kept in memory when storage is unavailable.
const storeKey = Symbol.for('pyodocs.react.savedEditStore');

/** The tab's store of the reader's edits (localStorage, or memory when that fails). */
export function sharedSavedEditStore(): SavedEditStore {
  const holder = globalThis as typeof globalThis & {[storeKey]?: SavedEditStore};
  let store = holder[storeKey];
  if (!store) {
    const created = new SavedEditStore();
    store = created;
    holder[storeKey] = created;
    // Another tab saved or forgot a page: read it again next time.
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => created.forgetCached(event.key));
    }
  }
  return store;
}
