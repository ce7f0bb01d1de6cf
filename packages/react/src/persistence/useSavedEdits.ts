import {useCallback, useContext, useEffect, useLayoutEffect, useRef, useState} from 'react';
import {currentPagePath} from './currentPagePath.js';
import {
  loadedSavedEditsIO,
  loadSavedEditsIO,
  pageMayHoldSavedEdits,
  preloadIfSiteHoldsSavedEdits,
  type SavedEditsIOModule,
  savedEditsIOFailed,
  warnSavedEditsNotShown,
} from './loadSavedEditsIO.js';
import {whenPageLeft} from './pendingSaves.js';
import {SavedEditsContext} from './SavedEditsContext.js';
import type {SavedEditStore} from './SavedEditStore.js';
import type {SaveTarget} from './savedEditsIO.js';

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

/** Where a cell's edits are kept; `opened`: read, once the saved edits' code has arrived. */
interface Where {
  store: SavedEditStore | undefined;
  namespace: string;
  page: string;
  id: string;
  documented: string;
  opened: SaveTarget | undefined;
}

/** Runs `use` with the cell's edits: now when their code is here, else once it has arrived (in call order). */
function withTarget(where: Where, use: (to: SaveTarget, io: SavedEditsIOModule) => void): void {
  const now = loadedSavedEditsIO();
  const run = (io: SavedEditsIOModule) => {
    where.opened ??= io.openSaveTarget(where.store, where.namespace, where.page, where.id, where.documented);
    use(where.opened, io);
  };
  if (now) run(now);
  else loadSavedEditsIO().then(run, (error: unknown) => console.error('[pyodocs] could not save your edit', error));
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
  const mounted = useRef(false);
  // Storage holds edits of this page and the code that reads them has not
  // arrived: the cell waits for it before it first shows (while hydrating,
  // the server's HTML stays), so the documented code never shows before the
  // reader's (the Suspense boundary is the cell's own).
  if (
    !mounted.current &&
    persisted &&
    typeof window !== 'undefined' &&
    !loadedSavedEditsIO() &&
    !savedEditsIOFailed() &&
    pageMayHoldSavedEdits(settings.store, settings.namespace, currentPagePath())
  ) {
    // Suspense renders again either way; after a failure without waiting (savedEditsIOFailed).
    throw loadSavedEditsIO().catch(warnSavedEditsNotShown);
  }
  const [state, setState] = useState<SavedEditsState>(nothingSaved);
  const stateRef = useRef(state);
  stateRef.current = state;
  const target = useRef<Where | null>(null);
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
    (where: Where) => {
      cancelPendingSave();
      const text = pendingText.current;
      pendingText.current = undefined;
      if (text === undefined) return;
      withTarget(where, (to, io) => io.saveText(to, text));
    },
    [cancelPendingSave],
  );

  const flush = useCallback(() => {
    if (target.current) saveNow(target.current);
  }, [saveNow]);

  const {namespace, store} = settings;
  useBrowserLayoutEffect(() => {
    if (!persisted || id === undefined) {
      target.current = null;
      return;
    }
    mounted.current = true;
    const where: Where = {store, namespace, page: currentPagePath(), id, documented, opened: undefined};
    target.current = where;
    const io = loadedSavedEditsIO();
    if (!io) {
      // Nothing saved for this page (the render waited otherwise): the code comes with the first edit.
      preloadIfSiteHoldsSavedEdits();
      if (stateRef.current !== nothingSaved) show(nothingSaved);
    } else {
      where.opened = io.openSaveTarget(store, namespace, where.page, id, documented);
      const {mine, earlier} = where.opened;
      // Most cells have nothing saved: they render nothing more.
      if (mine || earlier || stateRef.current !== nothingSaved) {
        show({readerCode: mine?.code ?? null, earlierCode: earlier?.code ?? null, edited: mine !== null});
      }
    }
    return () => {
      saveNow(where);
      if (target.current === where) target.current = null;
    };
  }, [persisted, id, documented, store, namespace, saveNow, show]);

  const changed = useCallback(
    (text: string) => {
      const edited = text !== documentedRef.current;
      if (stateRef.current.edited !== edited) show({...stateRef.current, edited});
      if (!target.current) return;
      // The code that saves it (usually here already: the editor preloads it).
      if (!loadedSavedEditsIO()) loadSavedEditsIO().catch(() => {});
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
    if (!target.current) return;
    withTarget(target.current, (to, io) => {
      to.mine = null;
      to.earlier = null;
      io.write(to);
    });
  }, [cancelPendingSave, show]);

  const restoreEarlier = useCallback((): string | null => {
    // An earlier version comes from storage: its code is here.
    const to = target.current?.opened;
    const io = loadedSavedEditsIO();
    const earlier = to?.earlier;
    if (!to || !io || !earlier) return null;
    cancelPendingSave();
    pendingText.current = undefined;
    to.mine = {code: earlier.code, base: to.documented, savedAt: Date.now()};
    to.earlier = null;
    io.write(to);
    show({readerCode: earlier.code, earlierCode: null, edited: true});
    return earlier.code;
  }, [cancelPendingSave, show]);

  const discardEarlier = useCallback(() => {
    const where = target.current;
    const to = where?.opened;
    const io = loadedSavedEditsIO();
    if (!where || !to?.earlier || !io) return;
    to.earlier = null;
    if (pendingText.current === undefined) io.write(to);
    else saveNow(where);
    show({...stateRef.current, earlierCode: null});
  }, [saveNow, show]);

  const currentReaderCode = useCallback(() => stateRef.current.readerCode, []);

  return {...state, persisted, currentReaderCode, changed, forget, restoreEarlier, discardEarlier};
}
