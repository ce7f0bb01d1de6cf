import type {CellExecutionStatus} from '@pyodocs/build';
import type {PageProblem} from './readPageManifest.js';
import type {Shard} from './shards.js';

/** The JSON report of `pyodocs check` (`--json`). */
export interface CheckReport {
  /** Bumped on an incompatible change of this shape. */
  reportVersion: 1;
  pyodideVersion: string;
  /** The shard this run checked; undefined: every page. */
  shard: Shard | undefined;
  /** Every page found (of the shard), sorted by path. */
  pages: PageReport[];
  summary: CheckSummary;
  /** `--lint`: packages pages need that no source could provide (e.g. an unreachable distribution). */
  packageProblems: Array<{name: string; reason: string}>;
}

/**
 * - `passed`: every cell that ran did as expected;
 * - `failed`: a cell failed, the page does not parse, or (`--lint`) it has authoring problems;
 * - `skipped`: it has cells, none of which ran (`execute: off`, `skip-execution`);
 * - `no-cells`: nothing to run.
 */
export type PageStatus = 'passed' | 'failed' | 'skipped' | 'no-cells';

export interface PageReport {
  /** Relative to the directory the command ran in, `/` separators. */
  path: string;
  status: PageStatus;
  cells: CellReport[];
  /** What the executor did (`PageExecution.stats`): `replayed` cached cells ran again to rebuild their session's state. */
  stats: {executed: number; cached: number; replayed: number; skipped: number};
  /** The page does not parse; with `--lint`, also its authoring problems (fence meta, front matter). */
  problems: PageProblem[];
  /** `--lint`: imports no package source provides (a warning: the page may write the module itself). */
  unknownImports: Array<{module: string; line: number | undefined}>;
}

export interface CellReport {
  id: string;
  kind: 'cell' | 'doctest';
  session: string;
  /** Line of the block in the page. */
  line: number | undefined;
  status: CellExecutionStatus;
  /** Outputs from the execution cache. */
  fromCache: boolean;
  durationMs: number;
  /** `skipped`: why. */
  reason?: string;
  /** `error` and `timeout`: where and what. */
  failure?: {
    line: number | undefined;
    column: number | undefined;
    summary: string;
    traceback: string;
    hint?: string;
  };
}

export interface CheckSummary {
  pages: Record<PageStatus, number>;
  cells: {executed: number; cached: number; replayed: number; skipped: number; failed: number};
}
