import {type ReactNode, type RefObject, Suspense, useContext} from 'react';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import type {CellEditState} from '../persistence/CellEditState.js';
import {EditedMarker} from '../persistence/EditedMarker.js';
import {lazyChunk} from '../output/lazyChunk.js';
import {PythonCellContext} from './PythonCellContext.js';
import {StaticCode} from './StaticCode.js';
import type {CellEditorMode} from './useCellEditor.js';

// Shown only to a reader whose edited example has changed since: a chunk of its own (issue 13).
const EarlierEditNotice = lazyChunk(() =>
  import('../persistence/EarlierEditNotice.js').then((module) => module.EarlierEditNotice),
).Component;

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
  /** The reader's edits: the version to show instead of `code`, the marker, the changed-docs notice. Default: the enclosing cell's (`usePythonCell().edits`). */
  edits?: CellEditState | undefined;
}

/**
 * The code: the site's static rendering first (readable without JavaScript,
 * indexed by search), the editor in its place once the reader edits. A
 * reader's saved version replaces the site's rendering (as plain code) with
 * a marker under it; a version of code the docs have since changed is
 * offered in a notice above the new code.
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
  edits: givenEdits,
}: PythonCellCodeProps): ReactNode {
  const cell = useContext(PythonCellContext);
  const edits = givenEdits ?? cell?.edits;
  const readerCode = edits?.readerCode ?? null;
  return (
    <>
      {edits?.earlierCode != null && (
        <Suspense fallback={null}>
          <EarlierEditNotice
            code={edits.earlierCode}
            onRestore={edits.restoreEarlier}
            onDiscard={edits.discardEarlier}
            labels={labels}
          />
        </Suspense>
      )}
      {editorMode === 'editing' ? (
        <div className="pyodocs-editor" ref={editorHostRef} />
      ) : (
        <StaticCode
          code={readerCode ?? code}
          hintId={editHintId}
          busy={editorMode === 'loading'}
          onActivate={onEdit}
          onPreload={onPreloadEditor}
        >
          {/* The site's rendering is of the documented code: the reader's version shows plain. */}
          {readerCode === null ? children : null}
        </StaticCode>
      )}
      {edits?.edited && <EditedMarker labels={labels} />}
      <span id={editHintId} className="pyodocs-visually-hidden">
        {labels.editHint}
      </span>
      {editorFailed && <p className="pyodocs-notice pyodocs-notice--error">{labels.editorFailed}</p>}
    </>
  );
}
