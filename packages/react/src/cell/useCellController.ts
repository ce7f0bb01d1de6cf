import {useCallback, useEffect, useId, useMemo, type RefObject} from 'react';
import type {CellBehaviourOverrides} from '../behaviour/CellBehaviour.js';
import {useCellBehaviour} from '../behaviour/useCellBehaviour.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {loadRunLabels, type RunLabelsLoader, useRunLabels} from '../labels/loadRunLabels.js';
import {usePythonCellLabels} from '../labels/usePythonCellLabels.js';
import type {CellOutput} from '../output/CellOutput.js';
import type {PackageDownload} from '../output/PackageProgress.js';
import type {CellEditState} from '../persistence/CellEditState.js';
import {usePyodideContext} from '../provider/usePyodideContext.js';
import {type CellDataState, type CellExecution, viewCell} from './cellState.js';
import {type CellEditorMode, useCellEditor} from './useCellEditor.js';
import {type CellRunCode, useCellRunner} from './useCellRunner.js';

/** A cell's state and actions: what its parts render and call (`usePythonCell()` inside a cell). */
export interface PythonCellController {
  /** Stable cell id, unique on the page (`data-pyodocs-cell`). */
  id: string;
  /** Namespace the code runs in. */
  session: string;
  /** The code as authored (what Reset puts back). */
  code: string;
  /** MyST tags of the cell, as given. */
  tags: readonly string[];
  /** The labels: the site's, then the cell's overrides. */
  labels: Readonly<PythonCellLabels>;
  /** `idle`, `queued`, `running`, `done` or `error` (the root's `data-state`). */
  dataState: CellDataState;
  /** Why the last run ended in `error`: a Python exception, or Python could not run at all. */
  failure: 'python' | 'runtime' | null;
  /** What the last run produced, in arrival order (or, before any run in this session, what the build produced). */
  outputs: readonly CellOutput[];
  /** `build`: `outputs` were produced when the site was built, not by a run in this session. */
  outputsOrigin: 'build' | null;
  /** The last run in the tab's current Python: its execution count in the session and its duration; null when it has not run. */
  execution: CellExecution | null;
  /** `needed`: the cell is queued because a cell below, which the reader ran, needs it first. */
  queuedBecause: 'needed' | null;
  /** The package download of the pending run, if one is in progress. */
  download: PackageDownload | null;
  /** The prompt of the `input()` the running code waits in (empty string: no prompt), or null. */
  inputPrompt: string | null;
  /** `static`: the site's code; `loading`: the editor is downloading; `editing`: the editor is mounted. */
  editorMode: CellEditorMode;
  /** The editor could not be loaded; the static code stays. */
  editorFailed: boolean;
  /** The element the editor mounts into while `editorMode` is `editing`. */
  editorHostRef: RefObject<HTMLDivElement | null>;
  /** Id of the element that describes how to edit. */
  editHintId: string;
  /** The reader's edits: saved version, marker, changed-docs notice. */
  edits: CellEditState;
  /** The code the cell would run now: the reader's edits, or the original. */
  getCode(): string;
  /** Queues a run of the current code (after the earlier cells of its session that have not run, unless the page turned that off). */
  run(): void;
  /** Cancels this cell's queued runs (and the session's queued after them) and interrupts its running one. */
  stop(): void;
  /** Drops this cell's runs and outputs and puts the original code back. */
  reset(): void;
  /** Turns the static code into the editor, focused (at the clicked point when given). */
  edit(at?: {x: number; y: number}): void;
  /** Starts downloading the editor without mounting it. */
  preloadEditor(): void;
  /** Answers the `input()` the running code waits in. */
  answer(text: string): void;
  /** The reader shows intent to run (hover, focus, touch): loads the run code, and starts Python early when the site's `preload` says so. */
  prewarm(): void;
  /** Attach to the cell's root element (the page orders its cells by it). */
  rootRef(element: HTMLElement | null): void;
}

export interface CellControllerOptions {
  id: string;
  code: string;
  session: string;
  labels?: Partial<PythonCellLabels> | undefined;
  /** English of labels only this kind of block shows (a module-level object), under the site's labels. */
  englishLabels?: Partial<PythonCellLabels> | undefined;
  /** Translations of the labels only a run shows, loaded on intent or Run. */
  runLabels?: RunLabelsLoader | undefined;
  tags?: readonly string[] | undefined;
  packages?: readonly string[] | undefined;
  timeout?: number | undefined;
  /** The page's overrides of the site's cell behaviour. */
  behaviour?: CellBehaviourOverrides | undefined;
  /** Outputs produced when the site was built, shown until the cell runs in this session. */
  buildOutputs?: readonly CellOutput[] | undefined;
  /** What Run sends for the code the cell holds now; default: that code, as a cell. */
  toRun?: ((current: string) => CellRunCode) | undefined;
}

const noTags: readonly string[] = [];
const asCell = (code: string): CellRunCode => ({code});
const noop = () => {};

/** Runner, editor and labels of one cell, as one controller. Hydrating it does no work beyond rendering. */
export function useCellController({
  id,
  code,
  session,
  labels: labelOverrides,
  englishLabels,
  runLabels: runLabelsLoader,
  tags = noTags,
  packages,
  timeout,
  behaviour: behaviourOverrides,
  buildOutputs,
  toRun = asCell,
}: CellControllerOptions): PythonCellController {
  const labels = usePythonCellLabels(labelOverrides, useRunLabels(runLabelsLoader), englishLabels);
  const behaviour = useCellBehaviour(behaviourOverrides);
  const context = usePyodideContext();
  const editHintId = useId();
  const editor = useCellEditor({
    id,
    code,
    persistEdits: behaviour.persistEdits,
    label: labels.editor,
    describedBy: editHintId,
    onRun: () => runner.run(),
  });
  const {getCode, restore} = editor;
  const runner = useCellRunner({
    id,
    session,
    labels,
    tags,
    packages,
    timeout,
    runPrevious: behaviour.runPrevious,
    runLabels: runLabelsLoader,
    getCode,
    getRunCode: () => toRun(getCode()),
  });
  const {reset: resetRuns} = runner;

  const reset = useCallback(() => {
    resetRuns();
    restore(code);
  }, [resetRuns, restore, code]);

  // Loads the run code (and the run labels), and starts Python when the site's `preload` allows it.
  const contextPrewarm = context?.prewarm ?? noop;
  const prewarm = useCallback(() => {
    contextPrewarm();
    void loadRunLabels(runLabelsLoader);
  }, [contextPrewarm, runLabelsLoader]);
  // `eager`: Python starts as soon as a cell is on the page (the site chose to pay for it).
  const eager = behaviour.preload === 'eager';
  useEffect(() => {
    if (eager) prewarm();
  }, [eager, prewarm]);

  const view = useMemo(
    () => viewCell(runner.state, runner.record, buildOutputs),
    [runner.state, runner.record, buildOutputs],
  );

  return {
    id,
    session,
    code,
    tags,
    labels,
    ...view,
    download: runner.state.download,
    inputPrompt: runner.state.input ? runner.state.input.prompt : null,
    editorMode: editor.mode,
    editorFailed: editor.loadFailed,
    editorHostRef: editor.hostRef,
    editHintId,
    edits: editor.edits,
    getCode,
    run: runner.run,
    stop: runner.stop,
    reset,
    edit: editor.activate,
    preloadEditor: editor.preload,
    answer: runner.answer,
    prewarm,
    rootRef: runner.rootRef,
  };
}
