import {type CSSProperties, Suspense, useCallback, useState, type ReactNode} from 'react';
import type {CellBehaviourOverrides} from '../behaviour/CellBehaviour.js';
import {CellComposition} from '../cell/CellComposition.js';
import type {PythonCellController} from '../cell/useCellController.js';
import {useCellController} from '../cell/useCellController.js';
import type {CellRunCode} from '../cell/useCellRunner.js';
import {labelOf} from '../labels/labelOf.js';
import {englishDoctestLabels} from './doctestLabels.js';
import type {RunLabelsLoader} from '../labels/loadRunLabels.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import type {CellOutput} from '../output/CellOutput.js';
import {DoctestOutputArea, DoctestPartsContext} from './DoctestOutputArea.js';
import {type PythonDoctestComponents, resolvePythonDoctestComponents} from './PythonDoctestComponents.js';
import {readDoctestReport} from './doctestReport.js';

export interface PythonDoctestProps {
  /** Stable id, unique on the page; the live cell gets the same id. */
  id: string;
  /** The doctest block exactly as documented (prompts and expected outputs); what a doctest run checks. */
  source: string;
  /** The examples' sources without prompts (parsed at build): what the live cell shows and the reader edits. */
  code: string;
  /** Session the examples run in (the page's, like its cells). */
  session: string;
  /** Packages to load before a run, as declared (page and block). */
  packages?: readonly string[] | undefined;
  /** Time limit of a run in seconds; overrides the site's; `0`: none. */
  timeout?: number | undefined;
  /** The page's overrides of the site's cell behaviour; win over the provider's `cells`. */
  behaviour?: CellBehaviourOverrides | undefined;
  /** Outputs produced when the site was built (C9; the doctest report is one display output), shown until it runs in this session. */
  outputs?: readonly CellOutput[] | undefined;
  /** The site's static rendering of the block. */
  children?: ReactNode;
  /** The site's highlighted rendering of `code`, shown by the live cell after Try it until the reader edits; a plain `<pre>` when absent. */
  highlightedCode?: ReactNode;
  /** Inline style of the block's root and of its live cell's, e.g. the site's code colours as `--pyodocs-*` variables. */
  style?: CSSProperties | undefined;
  /** Overrides of the site-wide labels, for the button, the results and the live cell. */
  labels?: Partial<PythonCellLabels> | undefined;
  /** Translations of the labels only a run shows, loaded with the run code on intent or Run (see PythonCell's `runLabels`). */
  runLabels?: RunLabelsLoader | undefined;
  /** Replacements for some of the live cell's parts and for the results. */
  components?: Partial<PythonDoctestComponents> | undefined;
}

/**
 * A documented doctest example with a "Try it" button. Clicking turns it in
 * place into a live cell holding the examples without prompts. While that
 * code is unedited, Run has the runtime check the block as documented with
 * CPython's doctest (`kind: 'doctest'`) and shows, per example, the
 * documented and the real output; once the reader edits it, Run runs it as a
 * normal cell. The block is one of the page's cells from the start: when a
 * cell below needs it (or Run all), it runs and turns live by itself.
 */
export function PythonDoctest(props: PythonDoctestProps): ReactNode {
  return (
    // The block's own boundary: it waits for the saved edits' code when storage holds the reader's version (useSavedEdits).
    <Suspense fallback={null}>
      <DoctestBlock {...props} />
    </Suspense>
  );
}

function DoctestBlock({
  id,
  source,
  code,
  session,
  packages,
  timeout,
  behaviour,
  outputs,
  children,
  highlightedCode,
  style,
  labels,
  runLabels,
  components,
}: PythonDoctestProps): ReactNode {
  const toRun = useCallback(
    (current: string): CellRunCode => (current === code ? {code: source, kind: 'doctest'} : {code: current}),
    [code, source],
  );
  const cell = useCellController({
    id,
    code,
    session,
    packages,
    timeout,
    labels,
    englishLabels: englishDoctestLabels,
    runLabels,
    behaviour,
    buildOutputs: outputs,
    toRun,
  });
  const [tried, setTried] = useState(false);
  // Live once tried, and whenever it ran (or runs) in this Python session.
  const ranHere = cell.dataState !== 'idle' || (cell.outputs.length > 0 && cell.outputsOrigin !== 'build');
  const live = tried || ranHere;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: not interaction, a hint to start Python early; the buttons inside act.
    <div
      ref={cell.rootRef}
      className="pyodocs-doctest"
      data-pyodocs-doctest={id}
      data-mode={live ? 'live' : 'static'}
      style={style}
      onPointerEnter={cell.prewarm}
      onFocus={cell.prewarm}
      onTouchStart={cell.prewarm}
    >
      {live ? (
        <LiveDoctest cell={cell} components={components} style={style}>
          {highlightedCode}
        </LiveDoctest>
      ) : (
        <>
          {children ?? (
            <pre>
              <code>{source}</code>
            </pre>
          )}
          <button type="button" className="pyodocs-button pyodocs-doctest-try" onClick={() => setTried(true)}>
            {cell.labels.tryIt}
          </button>
          {cell.outputsOrigin === 'build' ? <BuildVerdict outputs={cell.outputs} labels={cell.labels} /> : null}
        </>
      )}
    </div>
  );
}

/** The live cell of a doctest: its code runs as the documented block (a doctest run) until edited. */
function LiveDoctest({
  cell,
  components,
  style,
  children,
}: {
  cell: PythonCellController;
  components: Partial<PythonDoctestComponents> | undefined;
  style: CSSProperties | undefined;
  /** The highlighted rendering of the code without prompts. */
  children: ReactNode;
}): ReactNode {
  const parts = resolvePythonDoctestComponents(components);
  return (
    <DoctestPartsContext.Provider value={parts}>
      <CellComposition cell={cell} components={{...parts, Output: DoctestOutputArea}} style={style}>
        {children}
      </CellComposition>
    </DoctestPartsContext.Provider>
  );
}

/** One line under the documented block: what the build's doctest run found. */
function BuildVerdict({outputs, labels}: {outputs: readonly CellOutput[]; labels: Readonly<PythonCellLabels>}) {
  let report: ReturnType<typeof readDoctestReport>;
  for (const output of outputs) if (output.kind === 'display') report ??= readDoctestReport(output.data);
  if (!report) return null;
  const count = report.examples.length;
  const failed = report.examples.filter((example) => example.status === 'mismatch').length;
  const text =
    failed === 0 && report.stoppedAt === undefined
      ? labelOf(labels, 'doctestBuildPassed', englishDoctestLabels).replace('{count}', String(count))
      : labelOf(labels, 'doctestBuildFailed', englishDoctestLabels)
          .replace('{failed}', String(report.stoppedAt === undefined ? failed : failed + 1))
          .replace('{count}', String(count));
  return (
    <p
      className="pyodocs-doctest-build"
      data-pyodocs-origin="build"
      data-doctest-status={failed === 0 && report.stoppedAt === undefined ? 'match' : 'mismatch'}
    >
      {text}
    </p>
  );
}
