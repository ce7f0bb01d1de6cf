import {useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject} from 'react';
import type {createPythonEditor as CreatePythonEditor, PythonEditor} from '../editor/createPythonEditor.js';
import type {CellEditState} from '../persistence/CellEditState.js';
import {loadSavedEditsIO} from '../persistence/loadSavedEditsIO.js';
import {useSavedEdits} from '../persistence/useSavedEdits.js';

/** static: the site's highlighted code; loading: editor code downloading; editing: CodeMirror mounted. */
export type CellEditorMode = 'static' | 'loading' | 'editing';

// The dynamic import keeps CodeMirror out of the page bundle: bundlers split
// it into its own chunk, fetched on the first edit and shared by all cells.
// The code that saves the reader's edits comes along (a chunk of its own too).
function loadEditorModule() {
  loadSavedEditsIO().catch(() => {});
  return import('../editor/createPythonEditor.js');
}

// useLayoutEffect warns during server rendering; the editor never mounts there anyway.
const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

export interface CellEditor {
  mode: CellEditorMode;
  /** Set when the editor failed to load; the static code stays usable. */
  loadFailed: boolean;
  /** Element the editor mounts into; render it only in `editing` mode. */
  hostRef: RefObject<HTMLDivElement | null>;
  /** Turns the static code into the editor, focused (at the clicked point when given). */
  activate(at?: {x: number; y: number}): void;
  /** Starts downloading the editor code without mounting it (on focus). */
  preload(): void;
  /** The code the cell would run now: the editor's text once editing, else the reader's saved version or the original. */
  getCode(): string;
  /** Puts `code` back into the editor if there is one, and forgets the reader's saved versions (Reset). */
  restore(code: string): void;
  /** The reader's edits: marker, saved version, changed-docs notice (the code part renders them). */
  edits: CellEditState;
}

export interface CellEditorOptions {
  /** The cell's id: its edits are kept under it (per page). Without it, nothing is kept. */
  id?: string | undefined;
  /** The documented code. */
  code: string;
  /** The cell's own setting (`behaviour.persistEdits`); undefined follows the provider's `cells.persistEdits`. */
  persistEdits?: boolean | undefined;
  /** Accessible name of the editor. */
  label: string;
  /** Id of the element describing the editor. */
  describedBy: string;
  /** Shift+Enter in the editor. */
  onRun: () => void;
}

export function useCellEditor(options: CellEditorOptions): CellEditor {
  const [mode, setMode] = useState<CellEditorMode>('static');
  const [loadFailed, setLoadFailed] = useState(false);
  const hostRef = useRef<HTMLDivElement | null>(null);
  const editorRef = useRef<PythonEditor | null>(null);
  const factoryRef = useRef<typeof CreatePythonEditor | null>(null);
  const modeRef = useRef<CellEditorMode>('static');
  const focusAtRef = useRef<{x: number; y: number} | undefined>(undefined);
  // The latest props, read by callbacks that outlive a render (the editor's keymap).
  const latest = useRef(options);
  latest.current = options;
  const saved = useSavedEdits({id: options.id, documented: options.code, persist: options.persistEdits});
  const savedRef = useRef(saved);
  savedRef.current = saved;

  const activate = useCallback((at?: {x: number; y: number}) => {
    if (modeRef.current !== 'static') return;
    modeRef.current = 'loading';
    focusAtRef.current = at;
    setMode('loading');
    setLoadFailed(false);
    loadEditorModule().then(
      ({createPythonEditor}) => {
        if (modeRef.current !== 'loading') return;
        factoryRef.current = createPythonEditor;
        modeRef.current = 'editing';
        setMode('editing');
      },
      (error: unknown) => {
        console.error('[pyodocs] could not load the code editor', error);
        modeRef.current = 'static';
        setMode('static');
        setLoadFailed(true);
      },
    );
  }, []);

  // Build the editor in the same commit that removes the static code, before
  // paint, so the reader never sees both or neither.
  useBrowserLayoutEffect(() => {
    const parent = hostRef.current;
    const createEditor = factoryRef.current;
    if (mode !== 'editing' || !parent || !createEditor || editorRef.current) return;
    editorRef.current = createEditor({
      parent,
      code: savedRef.current.currentReaderCode() ?? latest.current.code,
      label: latest.current.label,
      describedBy: latest.current.describedBy,
      onRun: () => latest.current.onRun(),
      onChange: (code) => savedRef.current.changed(code),
    });
    editorRef.current.focus(focusAtRef.current);
  }, [mode]);

  useEffect(
    () => () => {
      // Unmounted while loading: the pending import must not switch modes.
      modeRef.current = 'static';
      editorRef.current?.destroy();
      editorRef.current = null;
    },
    [],
  );

  const preload = useCallback(() => {
    loadEditorModule().catch(() => {
      // activate() reports the failure if the reader goes on to edit.
    });
  }, []);
  const getCode = useCallback(
    () => editorRef.current?.getCode() ?? savedRef.current.currentReaderCode() ?? latest.current.code,
    [],
  );
  const {forget, restoreEarlier: takeEarlier, discardEarlier} = saved;
  const restore = useCallback(
    (code: string) => {
      editorRef.current?.setCode(code);
      forget();
    },
    [forget],
  );
  const restoreEarlier = useCallback(() => {
    const code = takeEarlier();
    if (code !== null) editorRef.current?.setCode(code);
  }, [takeEarlier]);

  const {edited, readerCode, earlierCode, persisted} = saved;
  const edits = useMemo<CellEditState>(
    () => ({edited, readerCode, earlierCode, persisted, restoreEarlier, discardEarlier}),
    [edited, readerCode, earlierCode, persisted, restoreEarlier, discardEarlier],
  );

  return {mode, loadFailed, hostRef, activate, preload, getCode, restore, edits};
}
