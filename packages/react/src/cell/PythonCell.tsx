import {type CSSProperties, type ReactNode, Suspense} from 'react';
import type {CellBehaviourOverrides} from '../behaviour/CellBehaviour.js';
import type {CellOutput} from '../output/CellOutput.js';
import type {RunLabelsLoader} from '../labels/loadRunLabels.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {CellComposition} from './CellComposition.js';
import {type PythonCellComponents, resolvePythonCellComponents} from './PythonCellComponents.js';
import {useCellController} from './useCellController.js';

export interface PythonCellProps {
  /** Stable cell id, unique on the page; becomes `data-pyodocs-cell`. */
  id: string;
  /** The Python source, exactly as authored. */
  code: string;
  /** Namespace the code runs in; cells sharing a session see each other's variables. */
  session: string;
  /** Packages to load before the code runs, as declared (page and fence); imports are detected anyway. */
  packages?: readonly string[] | undefined;
  /** MyST cell tags (`hide-input`, `hide-output`, `hide-cell`, `remove-input`, `remove-output`, `raises-exception` act; others are kept on `data-tags`). */
  tags?: readonly string[] | undefined;
  /** Time limit of a run in seconds; overrides the site's; `0`: none. */
  timeout?: number | undefined;
  /** The page's overrides of the site's cell behaviour (front matter `pyodide: {runPrevious, persist}`); win over the provider's `cells`. */
  behaviour?: CellBehaviourOverrides | undefined;
  /** Outputs produced when the site was built (C9): shown, marked as such, until the cell runs in this session. */
  outputs?: readonly CellOutput[] | undefined;
  /** The site's static, highlighted rendering of `code` (server-rendered); a plain `<pre><code>` when absent. */
  children?: ReactNode;
  /** Overrides of the site-wide labels for this cell. */
  labels?: Partial<PythonCellLabels> | undefined;
  /** Translations of the labels only a run shows (status while it loads and runs, durations, `input()`), loaded with the run code on intent or Run: a module-level function, e.g. a dynamic import. */
  runLabels?: RunLabelsLoader | undefined;
  /** Replacements for some of the cell's parts (toolbar, code, status line, output area); the others stay. */
  components?: Partial<PythonCellComponents> | undefined;
  /** Inline style of the cell's root, e.g. the site's code colours as `--pyodocs-*` variables (the Docusaurus plugin passes its Prism theme's). */
  style?: CSSProperties | undefined;
}

/**
 * A runnable Python example: the site's static code first, an editor on
 * demand, Run / Stop / Reset and the outputs. Runs like a notebook: the
 * earlier cells of its session on the page run first when they have not run
 * yet, and what it ran shows again when the reader comes back to the page
 * while the tab's Python lives. Hydrating it does no work beyond rendering,
 * so pages with hundreds of cells stay fast.
 */
export function PythonCell(props: PythonCellProps): ReactNode {
  return (
    // The cell's own boundary: it waits for the saved edits' code when storage holds the reader's version (useSavedEdits).
    <Suspense fallback={null}>
      <LiveCell {...props} />
    </Suspense>
  );
}

function LiveCell({children, components, outputs, style, ...options}: PythonCellProps): ReactNode {
  const cell = useCellController({...options, buildOutputs: outputs});
  return (
    <CellComposition
      cell={cell}
      components={resolvePythonCellComponents(components)}
      rootRef={cell.rootRef}
      style={style}
    >
      {children}
    </CellComposition>
  );
}
