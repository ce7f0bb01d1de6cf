import {createContext, type ReactNode, useMemo} from 'react';
import type {SavedEditStore} from './SavedEditStore.js';
import {sharedSavedEditStore} from './sharedSavedEditStore.js';

/** Where and whether cells below keep the reader's edits. */
export interface SavedEditsSettings {
  /** The store (the tab's shared one unless a test passes its own). */
  store: SavedEditStore;
  /** Keeps sites and docs versions apart on one origin (e.g. the base URL and the docs version). */
  namespace: string;
  /** The site's default (C8 `cells.persistEdits`); a cell's `behaviour.persistEdits` wins. */
  persistEdits: boolean;
}

// No provider: edits are kept in the tab's store, in the origin's namespace.
// The store is looked up on first use, not at import (server rendering never needs it).
const defaultSettings: SavedEditsSettings = {
  get store() {
    return sharedSavedEditStore();
  },
  namespace: '',
  persistEdits: true,
};

export const SavedEditsContext = createContext<SavedEditsSettings>(defaultSettings);

/** Sets where and whether the cells below keep the reader's edits (rendered by PyodideProvider). */
export function SavedEditsScope({
  namespace = '',
  persistEdits = true,
  store,
  children,
}: {
  namespace?: string | undefined;
  persistEdits?: boolean | undefined;
  store?: SavedEditStore | undefined;
  children?: ReactNode;
}): ReactNode {
  const value = useMemo<SavedEditsSettings>(
    () =>
      store
        ? {store, namespace, persistEdits}
        : {
            get store() {
              return sharedSavedEditStore();
            },
            namespace,
            persistEdits,
          },
    [store, namespace, persistEdits],
  );
  return <SavedEditsContext.Provider value={value}>{children}</SavedEditsContext.Provider>;
}
