import {useCallback, useContext, useEffect, useLayoutEffect, useRef, useState} from 'react';
import {currentPagePath} from './currentPagePath.js';
import {pageBlockIds} from './pageBlockIds.js';
import {whenPageLeft} from './pendingSaves.js';
import type {SavedCellEdits, SavedEdit, SavedPageEdits} from './savedEdits.js';
import {SavedEditsContext} from './SavedEditsContext.js';
import {sharedSavedEditStore} from './sharedSavedEditStore.js';
import type {SavedEditStore} from './SavedEditStore.js';
import {viewSavedCellEdits} from './viewSavedCellEdits.js';

/** How long typing must pause before the text is saved (leaving the page saves at once). */
const SAVE_DELAY_MS = 300;

// Storage is read after mount (the server and hydration render the
// documented code) but before paint, so a returning reader never sees it flash.
const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

export interface SavedEditsOptions {
  /** The cell's id; undefined keeps nothing. */
  id: string | undefined;
  /** The code the page documents for the cell. */
  documented: string;
  /** The cell's own setting (`behaviour.persistEdits`); undefined follows the provider's. */
  persist: boolean | undefined;
}

/** What a cell renders of the reader's edits. */
export interface SavedEditsState {
  /** The reader's version the cell opened with or was given back (restore), null: the documented code. */
  readerCode: string | null;
  /** The reader's version of documented code that has changed since, offered beside the new code; null: none. */
  earlierCode: string | null;
  /** The cell holds the reader's version now (the editor's text differs from the documented code). */
  edited: boolean;
}

export interface SavedEdits extends SavedEditsState {
  /** The reader's edits of this cell are kept in browser storage. */
  persisted: boolean;
  /** `readerCode` as of now, for callbacks that outlive a render. */
  currentReaderCode(): string | null;
  /** The editor's text changed: saved once typing pauses; the documented code forgets the edit. */
  changed(text: string): void;
  /** Forgets every version the reader wrote of this cell (Reset). */
  forget(): void;
  /** Makes the earlier version the cell's code; returns it (null when there is none). */
  restoreEarlier(): string | null;
  /** Forgets the earlier version. */
  discardEarlier(): void;
}

/** Where a cell's edits were loaded from, and what is there now. */
interface SaveTarget {
  store: SavedEditStore;
  namespace: string;
  page: string;
  id: string;
  documented: string;
  /** The id the edits were saved under before a new deploy changed the cell's generated id. */
  movedFrom: string | undefined;
  order: number | undefined;
  mine: SavedEdit | null;
  earlier: SavedEdit | null;
}

const nothingSaved: SavedEditsState = Object.freeze({readerCode: null, earlierCode: null, edited: false});

/**
 * Keeps the reader's versions of one cell's code across client-side
 * navigation, reloads and later visits (per namespace, page and cell id),
 * and tells the cell what to show: the reader's version, or the new
 * documented code with the older version offered when the docs changed.
 */
export function useSavedEdits({id, documented, persist}: SavedEditsOptions): SavedEdits {
  const settings = useContext(SavedEditsContext);
  const persisted = id !== undefined && (persist ?? settings.persistEdits);
  const [state, setState] = useState<SavedEditsState>(nothingSaved);
  const stateRef = useRef(state);
  stateRef.current = state;
  const target = useRef<SaveTarget | null>(null);
  const pendingText = useRef<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopWaitingForPageLeave = useRef<(() => void) | undefined>(undefined);
  const documentedRef = useRef(documented);
  documentedRef.current = documented;

  const show = useCallback((next: SavedEditsState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const cancelPendingSave = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    stopWaitingForPageLeave.current?.();
    stopWaitingForPageLeave.current = undefined;
  }, []);

  const saveNow = useCallback(
    (to: SaveTarget) => {
      cancelPendingSave();
      const text = pendingText.current;
      pendingText.current = undefined;
      if (text === undefined) return;
      to.mine = text === to.documented ? null : {code: text, base: to.documented, savedAt: Date.now()};
      write(to);
    },
    [cancelPendingSave],
  );

  const flush = useCallback(() => {
    if (target.current) saveNow(target.current);
  }, [saveNow]);

  const {namespace} = settings;
  const store = settings.store ?? sharedSavedEditStore();
  useBrowserLayoutEffect(() => {
    if (!persisted || id === undefined) {
      target.current = null;
      return;
    }
    const page = currentPagePath();
    const entry = store.read(namespace, page);
    let cell = entry?.cells[id];
    let movedFrom: string | undefined;
    if (!cell && entry) {
      const moved = findMovedCell(entry, id);
      if (moved) ({id: movedFrom, cell} = moved);
    }
    const view = viewSavedCellEdits(cell, documented);
    const loaded: SaveTarget = {
      store,
      namespace,
      page,
      id,
      documented,
      movedFrom,
      order: cell?.order,
      mine: view.mine,
      earlier: view.earlier,
    };
    target.current = loaded;
    // Most cells have nothing saved: they render nothing more.
    if (view.mine || view.earlier || stateRef.current !== nothingSaved) {
      show({readerCode: view.mine?.code ?? null, earlierCode: view.earlier?.code ?? null, edited: view.mine !== null});
    }
    return () => {
      saveNow(loaded);
      if (target.current === loaded) target.current = null;
    };
  }, [persisted, id, documented, store, namespace, saveNow, show]);

  const changed = useCallback(
    (text: string) => {
      const edited = text !== documentedRef.current;
      if (stateRef.current.edited !== edited) show({...stateRef.current, edited});
      if (!target.current) return;
      pendingText.current = text;
      clearTimeout(timer.current);
      stopWaitingForPageLeave.current ??= whenPageLeft(flush);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush, show],
  );

  const forget = useCallback(() => {
    cancelPendingSave();
    pendingText.current = undefined;
    show(nothingSaved);
    const to = target.current;
    if (!to) return;
    to.mine = null;
    to.earlier = null;
    write(to);
  }, [cancelPendingSave, show]);

  const restoreEarlier = useCallback((): string | null => {
    const to = target.current;
    const earlier = to?.earlier;
    if (!to || !earlier) return null;
    cancelPendingSave();
    pendingText.current = undefined;
    to.mine = {code: earlier.code, base: to.documented, savedAt: Date.now()};
    to.earlier = null;
    write(to);
    show({readerCode: earlier.code, earlierCode: null, edited: true});
    return earlier.code;
  }, [cancelPendingSave, show]);

  const discardEarlier = useCallback(() => {
    const to = target.current;
    if (!to?.earlier) return;
    to.earlier = null;
    if (pendingText.current === undefined) write(to);
    else saveNow(to);
    show({...stateRef.current, earlierCode: null});
  }, [saveNow, show]);

  const currentReaderCode = useCallback(() => stateRef.current.readerCode, []);

  return {...state, persisted, currentReaderCode, changed, forget, restoreEarlier, discardEarlier};
}

/** Saves what the cell holds now under its current id (dropping the id a new deploy replaced). */
function write(to: SaveTarget): void {
  const found = pageBlockIds().indexOf(to.id);
  if (found >= 0) to.order = found;
  const cell: SavedCellEdits = {
    ...(to.order === undefined ? {} : {order: to.order}),
    ...(to.mine ? {edit: to.mine} : {}),
    ...(to.earlier ? {earlier: to.earlier} : {}),
  };
  const changes: Record<string, SavedCellEdits | undefined> = {[to.id]: cell};
  if (to.movedFrom !== undefined && to.movedFrom !== to.id) changes[to.movedFrom] = undefined;
  to.movedFrom = undefined;
  to.store.update(to.namespace, to.page, changes);
}

/**
 * Edits saved under an id no block on the page has any more, at this
 * cell's place on the page: generated ids come from the code, so a deploy
 * that changed a cell's code changed its id too. (Explicit `id=`s never move.)
 */
function findMovedCell(entry: SavedPageEdits, id: string): {id: string; cell: SavedCellEdits} | undefined {
  const ids = pageBlockIds();
  const order = ids.indexOf(id);
  if (order < 0) return undefined;
  for (const [savedId, cell] of Object.entries(entry.cells)) {
    if (cell.order === order && !ids.includes(savedId)) return {id: savedId, cell};
  }
  return undefined;
}
