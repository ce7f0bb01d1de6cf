import {useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject} from 'react';
import type {createPythonEditor as CreatePythonEditor, PythonEditor} from '../editor/createPythonEditor.js';

/** static: the site's highlighted code; loading: editor code downloading; editing: CodeMirror mounted. */
export type CellEditorMode = 'static' | 'loading' | 'editing';

// The dynamic import keeps CodeMirror out of the page bundle: bundlers split
// it into its own chunk, fetched on the first edit and shared by all cells.
function loadEditorModule() {
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
  /** The code the cell would run now: the editor's text once editing, else the original. */
  getCode(): string;
  /** Puts `code` back into the editor if there is one (Reset). */
  restore(code: string): void;
}

export function useCellEditor(options: {
  code: string;
  label: string;
  describedBy: string;
  onRun: () => void;
}): CellEditor {
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
      code: latest.current.code,
      label: latest.current.label,
      describedBy: latest.current.describedBy,
      onRun: () => latest.current.onRun(),
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
  const getCode = useCallback(() => editorRef.current?.getCode() ?? latest.current.code, []);
  const restore = useCallback((code: string) => editorRef.current?.setCode(code), []);

  return {mode, loadFailed, hostRef, activate, preload, getCode, restore};
}
