import {createContext, type ReactNode, useMemo} from 'react';
import type {SavedEditStore} from './SavedEditStore.js';

/** Where and whether cells below keep the reader's edits. */
export interface SavedEditsSettings {
  /** A store of the caller's (tests); unset: the tab's shared one, which the cells look up on first use. */
  store: SavedEditStore | undefined;
  /** Keeps sites and docs versions apart on one origin (e.g. the base URL and the docs version). */
  namespace: string;
  /** The site's default (C8 `cells.persistEdits`); a cell's `behaviour.persistEdits` wins. */
  persistEdits: boolean;
}

// No provider: edits are kept in the tab's store, in the origin's namespace.
const defaultSettings: SavedEditsSettings = {store: undefined, namespace: '', persistEdits: true};

// Data only, no store code: the provider that renders it sits on every page
// of a site (its Root), cells do not (issue 13: pages without cells pay ~0).
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
  const value = useMemo<SavedEditsSettings>(() => ({store, namespace, persistEdits}), [store, namespace, persistEdits]);
  return <SavedEditsContext.Provider value={value}>{children}</SavedEditsContext.Provider>;
}
