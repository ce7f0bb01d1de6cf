import {useCallback, useState, type ReactNode} from 'react';
import {CellComposition} from '../cell/CellComposition.js';
import {useCellController} from '../cell/useCellController.js';
import type {CellRunCode} from '../cell/useCellRunner.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {usePythonCellLabels} from '../labels/PythonCellLabelsContext.js';
import {DoctestOutputArea, DoctestPartsContext} from './DoctestOutputArea.js';
import {type PythonDoctestComponents, resolvePythonDoctestComponents} from './PythonDoctestComponents.js';

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
  /** The site's static rendering of the block. */
  children?: ReactNode;
  /** Overrides of the site-wide labels, for the button, the results and the live cell. */
  labels?: Partial<PythonCellLabels> | undefined;
  /** Replacements for some of the live cell's parts and for the results. */
  components?: Partial<PythonDoctestComponents> | undefined;
}

/**
 * A documented doctest example with a "Try it" button. Clicking turns it in
 * place into a live cell holding the examples without prompts. While that
 * code is unedited, Run has the runtime check the block as documented with
 * CPython's doctest (`kind: 'doctest'`) and shows, per example, the
 * documented and the real output; once the reader edits it, Run runs it as a
 * normal cell.
 */
export function PythonDoctest({id, source, children, labels, ...live}: PythonDoctestProps): ReactNode {
  const resolvedLabels = usePythonCellLabels(labels);
  const [isLive, setLive] = useState(false);
  return (
    <div className="pyodocs-doctest" data-pyodocs-doctest={id} data-mode={isLive ? 'live' : 'static'}>
      {isLive ? (
        <LiveDoctest id={id} source={source} labels={labels} {...live} />
      ) : (
        <>
          {children ?? (
            <pre>
              <code>{source}</code>
            </pre>
          )}
          <button type="button" className="pyodocs-button pyodocs-doctest-try" onClick={() => setLive(true)}>
            {resolvedLabels.tryIt}
          </button>
        </>
      )}
    </div>
  );
}

/** The live cell of a doctest: its code runs as the documented block (a doctest run) until edited. */
function LiveDoctest({
  id,
  source,
  code,
  session,
  packages,
  timeout,
  labels,
  components,
}: Omit<PythonDoctestProps, 'children'>): ReactNode {
  const toRun = useCallback(
    (current: string): CellRunCode => (current === code ? {code: source, kind: 'doctest'} : {code: current}),
    [code, source],
  );
  const cell = useCellController({id, code, session, packages, timeout, labels, toRun});
  const parts = resolvePythonDoctestComponents(components);
  return (
    <DoctestPartsContext.Provider value={parts}>
      <CellComposition cell={cell} components={{...parts, Output: DoctestOutputArea}} />
    </DoctestPartsContext.Provider>
  );
}
