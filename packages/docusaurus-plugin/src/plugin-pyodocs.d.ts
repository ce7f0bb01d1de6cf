/// <reference types="@docusaurus/module-type-aliases" />

// Theme components this plugin provides, for swizzlers and our own theme
// code. The parts' props are those of the @pyodocs/react parts they wrap
// (each theme file passes them through, so the compiler keeps both in step).

declare module '@theme/PythonCell' {
  import type {ReactNode} from 'react';
  import type {CellBehaviourOverrides, CellOutput} from '@pyodocs/react';

  /** What the remark plugin's `<PyodocsPythonCell>` element carries (contract C2). */
  export interface Props {
    /** Stable cell id (the `id=` fence option, or derived from the code); becomes `data-pyodocs-cell`. */
    readonly id: string;
    /**
     * The Python source of the fence, when the element repeats it; the
     * usual element leaves it out, and the code is the text of `children`
     * (the theme's PythonCell reads it from there).
     */
    readonly code?: string;
    /** Session (namespace) the cell runs in. */
    readonly session: string;
    /** Packages the cell declares (page front matter and fence meta), as written; loaded before it runs. */
    readonly packages?: readonly string[];
    /** MyST cell tags (from `{code-cell}` options), e.g. `['hide-input']`. */
    readonly tags?: readonly string[];
    /** Time limit of a run in seconds (the `timeout=` fence option); `0`: none. */
    readonly timeout?: number;
    /** The page's overrides of the site's cell behaviour (front matter `pyodide: {runPrevious, persist}`, C8). */
    readonly behaviour?: CellBehaviourOverrides;
    /** Outputs produced when the site was built (C9), shown until the cell runs in the reader's session. */
    readonly outputs?: readonly CellOutput[];
    /** The static, highlighted code block rendered by the site. */
    readonly children?: ReactNode;
  }
  /** A live Python cell, composed of the `@theme/PythonCell/*` parts. */
  export default function PythonCell(props: Props): ReactNode;
}

declare module '@theme/PythonCell/Toolbar' {
  import type {ReactNode} from 'react';
  import type {PythonCellLabels} from '@pyodocs/react';

  export interface Props {
    /** The cell's translated labels; the buttons' accessible names come from `run`, `stop`, `reset` and `edit` (a DOM contract). */
    readonly labels: Readonly<PythonCellLabels>;
    /** One of this cell's runs is queued or running, so Stop can act. */
    readonly canStop: boolean;
    /** The static code is shown and can become an editor: offer the Edit button. */
    readonly canEdit: boolean;
    /** Id of the element describing how to edit (the Edit button's `aria-describedby`). */
    readonly editHintId: string;
    /** Queues a run of the code the cell holds now. */
    readonly onRun: () => void;
    /** Cancels this cell's queued runs and interrupts its running one. */
    readonly onStop: () => void;
    /** Drops this cell's runs and outputs and puts the original code back. */
    readonly onReset: () => void;
    /** Turns the static code into the editor, focused. */
    readonly onEdit: () => void;
    /** The status line (`@theme/PythonCell/Status`), to place after the buttons. */
    readonly children?: ReactNode;
  }
  /** Run / Stop / Reset / Edit buttons, then the status line. */
  export default function PythonCellToolbar(props: Props): ReactNode;
}

declare module '@theme/PythonCell/Code' {
  import type {ReactNode, RefObject} from 'react';
  import type {CellEditorMode, PythonCellLabels} from '@pyodocs/react';

  export interface Props {
    /** The code as authored; shown in a plain `<pre><code>` when there is no static rendering. */
    readonly code: string;
    /** The site's static, highlighted rendering of `code`, shown until the reader edits. */
    readonly children?: ReactNode;
    /** `static`: the site's code; `loading`: the editor is downloading; `editing`: the editor is mounted. */
    readonly editorMode: CellEditorMode;
    /** The editor could not be loaded: the static code stays, with a notice. */
    readonly editorFailed: boolean;
    /** The element the editor mounts into; render it (and only it) while `editorMode` is `editing`. */
    readonly editorHostRef: RefObject<HTMLDivElement | null>;
    /** Id to give the element describing how to edit (the toolbar's Edit button points at it). */
    readonly editHintId: string;
    /** Asks for the editor, focused at the clicked point when given. */
    readonly onEdit: (at?: {x: number; y: number}) => void;
    /** Starts downloading the editor without mounting it (the reader is about to edit). */
    readonly onPreloadEditor: () => void;
    /** The cell's translated labels. */
    readonly labels: Readonly<PythonCellLabels>;
  }
  /** The static code first, the editor (CodeMirror, loaded on demand) in its place once the reader edits. */
  export default function PythonCellCode(props: Props): ReactNode;
}

declare module '@theme/PythonCell/Status' {
  import type {ReactNode} from 'react';
  import type {CellDataState, CellExecution, PackageDownload, PythonCellLabels} from '@pyodocs/react';

  export interface Props {
    /** The cell's `data-state`: `idle`, `queued`, `running`, `done` or `error`. */
    readonly dataState: CellDataState;
    /** Why the last run ended in `error`: a Python exception, or Python could not run at all. */
    readonly failure: 'python' | 'runtime' | null;
    /** The package download of the pending run (name, bytes loaded, size), shown instead of the generic status. */
    readonly download: PackageDownload | null;
    /** The cell's last run in the reader's Python session (execution count, duration); null when it has not run. */
    readonly execution?: CellExecution | null;
    /** `needed`: queued because a cell below, which the reader ran, needs it first. */
    readonly queuedBecause?: 'needed' | null;
    /** The cell's translated labels. */
    readonly labels: Readonly<PythonCellLabels>;
  }
  /** The status line: a polite live region, empty while nothing happens; after a run, the execution count and duration. */
  export default function PythonCellStatus(props: Props): ReactNode;
}

declare module '@theme/PythonCell/Output' {
  import type {ReactNode} from 'react';
  import type {CellOutput, PythonCellLabels} from '@pyodocs/react';

  export interface Props {
    /** What the last run produced (streams, displays, the result, the error, the cell's notices), in arrival order. */
    readonly outputs: readonly CellOutput[];
    /** `build`: the outputs were produced when the site was built (say so; `data-pyodocs-origin="build"`). */
    readonly origin?: 'build';
    /** The cell's translated labels. */
    readonly labels: Readonly<PythonCellLabels>;
  }
  /** The output area under `data-pyodocs-output` (a DOM contract). */
  export default function PythonCellOutput(props: Props): ReactNode;
}

declare module '@theme/PythonDoctest' {
  import type {ReactNode} from 'react';
  import type {CellBehaviourOverrides, CellOutput} from '@pyodocs/react';

  /** What the remark plugin's `<PyodocsDoctest>` element carries (contract C2). */
  export interface Props {
    /** Stable id, unique on the page; the live cell gets the same id. */
    readonly id: string;
    /** The doctest block as documented (prompts and expected outputs); what a doctest run checks. */
    readonly source: string;
    /** The examples' sources without prompts, parsed at build: what the live cell shows after Try it. */
    readonly code: string;
    /** Session (namespace) the examples run in. */
    readonly session: string;
    /** Packages the block declares (page front matter and block meta), as written. */
    readonly packages?: readonly string[];
    /** Time limit of a run in seconds (the `timeout=` option); `0`: none. */
    readonly timeout?: number;
    /** The page's overrides of the site's cell behaviour (C8). */
    readonly behaviour?: CellBehaviourOverrides;
    /** Outputs produced when the site was built (C9; the doctest report is one display output). */
    readonly outputs?: readonly CellOutput[];
    /** The static, highlighted code block rendered by the site. */
    readonly children?: ReactNode;
  }
  /** A documented doctest with a "Try it" button; the live cell uses the `@theme/PythonCell/*` parts. */
  export default function PythonDoctest(props: Props): ReactNode;
}

declare module '@theme/PythonDoctest/Results' {
  import type {ReactNode} from 'react';
  import type {DoctestReport, PythonCellLabels} from '@pyodocs/react';

  export interface Props {
    /** The runtime's report of a doctest run: each example's documented and real output and verdict, and where it stopped. */
    readonly report: DoctestReport;
    /** The cell's translated labels. */
    readonly labels: Readonly<PythonCellLabels>;
  }
  /** Each example's verdict with the documented output beside the real one; "Stopped at example N" after a stop. */
  export default function PythonDoctestResults(props: Props): ReactNode;
}

declare module '@theme/PythonPageActions' {
  import type {ReactNode} from 'react';

  export interface Props {
    /**
     * Where the actions are shown: `toc` (top of the table of contents),
     * `toc-mobile` (under the collapsible table of contents of narrow
     * screens), `footer` (near the edit link, only when no table of contents
     * shows them), `blog-footer` (a blog post's own page).
     */
    readonly placement: 'toc' | 'toc-mobile' | 'footer' | 'blog-footer';
    /** More actions after Run all, Restart and Download notebook (plugins that wrap this component add theirs). */
    readonly children?: ReactNode;
  }
  /**
   * Run all, Restart and Download notebook for the page's cells; nothing on
   * pages without cells. The page's first cell renders one per place the
   * classic theme has for page actions (no wrapper of its layouts).
   */
  export default function PythonPageActions(props: Props): ReactNode;
}
