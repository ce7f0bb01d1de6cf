import {useCallback, useEffect, useId, type ReactNode} from 'react';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {usePythonCellLabels} from '../labels/PythonCellLabelsContext.js';
import type {CellOutput} from '../output/CellOutput.js';
import {CellOutputArea} from '../output/CellOutputArea.js';
import {CellInputField} from './CellInputField.js';
import {CellStatusLine} from './CellStatusLine.js';
import {CellToolbar} from './CellToolbar.js';
import {StaticCode} from './StaticCode.js';
import {parseCellTags, TagFold} from './cellTags.js';
import {registerCellCode} from './cellRegistry.js';
import {cellDataState} from './cellState.js';
import {useCellEditor} from './useCellEditor.js';
import {useCellRunner} from './useCellRunner.js';

export interface PythonCellProps {
  /** Stable cell id, unique on the page; becomes `data-pyodocs-cell`. */
  id: string;
  /** The Python source, exactly as authored. */
  code: string;
  /** Namespace the code runs in; cells sharing a session see each other's variables. */
  session: string;
  /** The site's static, highlighted rendering of `code` (server-rendered); a plain `<pre><code>` when absent. */
  children?: ReactNode;
  /** Overrides of the site-wide labels for this cell. */
  labels?: Partial<PythonCellLabels>;
  /** MyST cell tags (`hide-input`, `hide-output`, `hide-cell`, `remove-input`, `remove-output`, `raises-exception` act; others are kept on `data-tags`). */
  tags?: readonly string[] | undefined;
  /** Packages to load before the code runs, as declared (page and fence); imports are detected anyway. */
  packages?: readonly string[] | undefined;
  /** Time limit of a run in seconds; overrides the site's; `0`: none. */
  timeout?: number | undefined;
  /** Rewrites the code just before it runs (the doctest component runs its harness when the code is unedited). */
  runCode?: ((code: string) => string) | undefined;
  /** Replaces the output area; `area(outputs)` renders the default one (the doctest component shows its comparison). */
  renderOutputs?:
    | ((outputs: readonly CellOutput[], area: (outputs: readonly CellOutput[]) => ReactNode) => ReactNode)
    | undefined;
}

/**
 * A runnable Python example: the site's static code first, an editor on
 * demand, Run / Stop / Reset and the outputs. Hydrating it does no work
 * beyond rendering, so pages with hundreds of cells stay fast.
 */
export function PythonCell({
  id,
  code,
  session,
  children,
  labels: labelOverrides,
  tags,
  packages,
  timeout,
  runCode,
  renderOutputs,
}: PythonCellProps): ReactNode {
  const tagged = parseCellTags(tags);
  const labels = usePythonCellLabels(labelOverrides);
  const hintId = useId();
  const runner = useCellRunner({id, session, labels, packages, timeout});
  const editor = useCellEditor({
    code,
    label: labels.editor,
    describedBy: hintId,
    onRun: () => runner.run(runCode ? runCode(editor.getCode()) : editor.getCode()),
  });
  const {getCode, restore} = editor;
  const {run, reset} = runner;

  useEffect(() => registerCellCode(id, getCode), [id, getCode]);

  const onRun = useCallback(() => run(runCode ? runCode(getCode()) : getCode()), [run, getCode, runCode]);
  const onReset = useCallback(() => {
    reset();
    restore(code);
  }, [reset, restore, code]);

  const dataState = cellDataState(runner.state);
  return (
    <div
      className="pyodocs-cell"
      data-pyodocs-cell={id}
      data-state={dataState}
      data-tags={tags && tags.length > 0 ? tags.join(' ') : undefined}
      data-expected-error={tagged.raisesException ? '' : undefined}
    >
      <TagFold fold={tagged.hideCell} part="cell" summary={labels.showCell}>
        <TagFold fold={tagged.hideInput} part="input" summary={labels.showCode}>
          {tagged.removeInput ? null : editor.mode === 'editing' ? (
            <div className="pyodocs-editor" ref={editor.hostRef} />
          ) : (
            <StaticCode
              code={code}
              hintId={hintId}
              busy={editor.mode === 'loading'}
              onActivate={editor.activate}
              onPreload={editor.preload}
            >
              {children}
            </StaticCode>
          )}
          <span id={hintId} className="pyodocs-visually-hidden">
            {labels.editHint}
          </span>
          {editor.loadFailed && <p className="pyodocs-notice pyodocs-notice--error">{labels.editorFailed}</p>}
        </TagFold>
        <CellToolbar
          labels={labels}
          canStop={dataState === 'queued' || dataState === 'running'}
          canEdit={editor.mode === 'static' && !tagged.removeInput}
          hintId={hintId}
          onRun={onRun}
          onStop={runner.stop}
          onReset={onReset}
          onEdit={() => editor.activate()}
          status={
            <CellStatusLine
              dataState={dataState}
              failure={runner.state.failure}
              download={runner.state.download}
              labels={labels}
            />
          }
        />
        {runner.state.input ? (
          <CellInputField
            key={runner.state.input.prompt}
            prompt={runner.state.input.prompt}
            onSubmit={runner.answer}
            labels={labels}
          />
        ) : null}
        {tagged.removeOutput ? null : (
          <TagFold fold={tagged.hideOutput} part="output" summary={labels.showOutput}>
            {renderOutputs ? (
              renderOutputs(runner.state.outputs, (outputs) => <CellOutputArea outputs={outputs} labels={labels} />)
            ) : (
              <CellOutputArea outputs={runner.state.outputs} labels={labels} />
            )}
          </TagFold>
        )}
      </TagFold>
    </div>
  );
}
