import type {ReactNode} from 'react';
import {CellInputField} from './CellInputField.js';
import type {PythonCellComponents} from './PythonCellComponents.js';
import {PythonCellContext} from './PythonCellContext.js';
import {parseCellTags, TagFold} from './cellTags.js';
import type {PythonCellController} from './useCellController.js';

/**
 * The one composition of a cell's parts (PythonCell and the live doctest
 * both render it): the root with its DOM hooks, the code, the toolbar with
 * the status line, the `input()` field and the outputs, folded or removed as
 * the MyST tags say.
 */
export function CellComposition({
  cell,
  components: {Toolbar, Code, Status, Output},
  children,
}: {
  cell: PythonCellController;
  components: Readonly<PythonCellComponents>;
  /** The site's static rendering of the code. */
  children?: ReactNode;
}): ReactNode {
  const tagged = parseCellTags(cell.tags);
  const {labels, dataState} = cell;
  return (
    <PythonCellContext.Provider value={cell}>
      <div
        className="pyodocs-cell"
        data-pyodocs-cell={cell.id}
        data-state={dataState}
        data-tags={cell.tags.length > 0 ? cell.tags.join(' ') : undefined}
        data-expected-error={tagged.raisesException ? '' : undefined}
      >
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
            <Status dataState={dataState} failure={cell.failure} download={cell.download} labels={labels} />
          </Toolbar>
          {cell.inputPrompt === null ? null : (
            <CellInputField key={cell.inputPrompt} prompt={cell.inputPrompt} onSubmit={cell.answer} labels={labels} />
          )}
          {tagged.removeOutput ? null : (
            <TagFold fold={tagged.hideOutput} part="output" summary={labels.showOutput}>
              <Output outputs={cell.outputs} labels={labels} />
            </TagFold>
          )}
        </TagFold>
      </div>
    </PythonCellContext.Provider>
  );
}
