import {type CSSProperties, type ReactNode, type Ref, Suspense} from 'react';
import {lazyChunk} from '../output/lazyChunk.js';
import type {PythonCellComponents} from './PythonCellComponents.js';
import {PythonCellContext} from './PythonCellContext.js';
import {parseCellTags, TagFold} from './cellTags.js';
import type {PythonCellController} from './useCellController.js';

// Shown only while running code waits in input(): a chunk of its own (issue 13).
const CellInputField = lazyChunk(() => import('./CellInputField.js').then((module) => module.CellInputField)).Component;

/**
 * The one composition of a cell's parts (PythonCell and the live doctest
 * both render it): the root with its DOM hooks, the code, the toolbar with
 * the status line, the `input()` field and the outputs, folded or removed as
 * the MyST tags say. A `remove-cell` cell renders an empty, hidden root: it
 * still takes its place among the page's cells and runs when needed.
 */
export function CellComposition({
  cell,
  components: {Toolbar, Code, Status, Output},
  rootRef,
  style,
  children,
}: {
  cell: PythonCellController;
  components: Readonly<PythonCellComponents>;
  /** Where the cell's root element goes (the page orders its cells by it); the doctest block keeps its own. */
  rootRef?: Ref<HTMLDivElement> | undefined;
  /** Inline style of the root (the site's code colours as `--pyodocs-*` variables). */
  style?: CSSProperties | undefined;
  /** The site's static rendering of the code. */
  children?: ReactNode;
}): ReactNode {
  const tagged = parseCellTags(cell.tags);
  const {labels, dataState} = cell;
  const rootAttributes = {
    ref: rootRef,
    className: 'pyodocs-cell',
    style,
    'data-pyodocs-cell': cell.id,
    'data-state': dataState,
    'data-tags': cell.tags.length > 0 ? cell.tags.join(' ') : undefined,
    'data-expected-error': tagged.raisesException ? '' : undefined,
    'data-execution-count': cell.execution ? cell.execution.count : undefined,
  };
  if (tagged.removeCell) return <div {...rootAttributes} hidden />;
  return (
    <PythonCellContext.Provider value={cell}>
      {/* Intent to run: Python starts loading now, if the site's preload policy says so. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: not interaction, a hint to start early; the buttons inside act. */}
      <div {...rootAttributes} onPointerEnter={cell.prewarm} onFocus={cell.prewarm} onTouchStart={cell.prewarm}>
        <TagFold fold={tagged.hideCell} part="cell" summary={labels.showCell}>
          {tagged.removeInput ? null : (
            <TagFold fold={tagged.hideInput} part="input" summary={labels.showCode}>
              <Code
                code={cell.code}
                editorMode={cell.editorMode}
                editorFailed={cell.editorFailed}
                editorHostRef={cell.editorHostRef}
                editHintId={cell.editHintId}
                onEdit={cell.edit}
                onPreloadEditor={cell.preloadEditor}
                labels={labels}
              >
                {children}
              </Code>
            </TagFold>
          )}
          <Toolbar
            labels={labels}
            canStop={dataState === 'queued' || dataState === 'running'}
            canEdit={cell.editorMode === 'static' && !tagged.removeInput}
            editHintId={cell.editHintId}
            onRun={cell.run}
            onStop={cell.stop}
            onReset={cell.reset}
            onEdit={() => cell.edit()}
          >
            <Status
              dataState={dataState}
              failure={cell.failure}
              download={cell.download}
              execution={cell.execution}
              queuedBecause={cell.queuedBecause}
              labels={labels}
            />
          </Toolbar>
          {cell.inputPrompt === null ? null : (
            <Suspense fallback={null}>
              <CellInputField key={cell.inputPrompt} prompt={cell.inputPrompt} onSubmit={cell.answer} labels={labels} />
            </Suspense>
          )}
          {tagged.removeOutput ? null : (
            <TagFold fold={tagged.hideOutput} part="output" summary={labels.showOutput}>
              <Output outputs={cell.outputs} origin={cell.outputsOrigin ?? undefined} labels={labels} />
            </TagFold>
          )}
        </TagFold>
      </div>
    </PythonCellContext.Provider>
  );
}
