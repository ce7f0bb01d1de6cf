import type {ReactNode, RefObject} from 'react';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {StaticCode} from './StaticCode.js';
import type {CellEditorMode} from './useCellEditor.js';

export interface PythonCellCodeProps {
  /** The code as authored; shown in a plain `<pre><code>` when the site passes no rendering of it. */
  code: string;
  /** The site's static, highlighted rendering of `code` (server-rendered), shown until the reader edits. */
  children?: ReactNode;
  /** `static`: the site's code; `loading`: the editor is downloading; `editing`: the editor is mounted. */
  editorMode: CellEditorMode;
  /** The editor could not be loaded: the static code stays, with a notice. */
  editorFailed: boolean;
  /** The element the editor mounts into; render it (and only it) while `editorMode` is `editing`. */
  editorHostRef: RefObject<HTMLDivElement | null>;
  /** Id to give the element describing how to edit (the toolbar's Edit button points at it). */
  editHintId: string;
  /** Asks for the editor, focused at the clicked point when given. */
  onEdit(at?: {x: number; y: number}): void;
  /** Starts downloading the editor without mounting it (the reader is about to edit). */
  onPreloadEditor(): void;
  /** The cell's labels. */
  labels: Readonly<PythonCellLabels>;
}

/**
 * The code: the site's static rendering first (readable without JavaScript,
 * indexed by search), the editor in its place once the reader edits.
 */
export function PythonCellCode({
  code,
  children,
  editorMode,
  editorFailed,
  editorHostRef,
  editHintId,
  onEdit,
  onPreloadEditor,
  labels,
}: PythonCellCodeProps): ReactNode {
  return (
    <>
      {editorMode === 'editing' ? (
        <div className="pyodocs-editor" ref={editorHostRef} />
      ) : (
        <StaticCode
          code={code}
          hintId={editHintId}
          busy={editorMode === 'loading'}
          onActivate={onEdit}
          onPreload={onPreloadEditor}
        >
          {children}
        </StaticCode>
      )}
      <span id={editHintId} className="pyodocs-visually-hidden">
        {labels.editHint}
      </span>
      {editorFailed && <p className="pyodocs-notice pyodocs-notice--error">{labels.editorFailed}</p>}
    </>
  );
}
