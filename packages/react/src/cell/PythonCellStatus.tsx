import {type ReactNode, useSyncExternalStore} from 'react';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {loadedLiveCode, subscribeLiveCode} from '../live/loadLiveCode.js';
import type {PackageDownload} from '../output/PackageProgress.js';
import type {CellDataState, CellExecution} from './cellState.js';

export interface PythonCellStatusProps {
  /** The cell's `data-state`. */
  dataState: CellDataState;
  /** Why the last run ended in `error`: a Python exception, or Python could not run at all. */
  failure: 'python' | 'runtime' | null;
  /** The package download of the pending run, shown instead of the generic status. */
  download: PackageDownload | null;
  /** The cell's last run in the tab's current Python (execution count, duration); null or absent when it has not run. */
  execution?: CellExecution | null | undefined;
  /** `needed`: queued because a cell below, which the reader ran, needs it first. */
  queuedBecause?: 'needed' | null | undefined;
  /** The cell's labels. */
  labels: Readonly<PythonCellLabels>;
}

/**
 * The status line. Its live region (polite, atomic, always in the DOM so
 * screen readers follow it, empty while nothing happens) says each change of
 * state once: queued, loading Python, loading a package, running, the
 * outcome. What changes within a state — the download's MiB and bar, the
 * runtime's loading stage — shows beside it, outside the region, so a
 * download is not read out at every chunk. After a run it says, subtly, that
 * the cell ran in this Python session: its execution count (`[3]`) and how
 * long it took.
 */
export function PythonCellStatus({
  dataState,
  failure,
  download,
  execution,
  queuedBecause,
  labels,
}: PythonCellStatusProps): ReactNode {
  const live = useSyncExternalStore(subscribeLiveCode, loadedLiveCode, notLoaded);
  const pending = dataState === 'queued' || dataState === 'running';
  let announced: ReactNode = null;
  let shown: ReactNode = null;
  if (dataState === 'error' && failure === 'runtime' && !pending) {
    announced = labels.failed;
  } else if ((pending || execution || dataState === 'error') && live) {
    // A run was asked for: its words come with the run code (a run waits for it too).
    ({announced, shown} = live.runStatusParts({dataState, download, execution, queuedBecause, labels}));
  }
  return (
    <div className="pyodocs-status">
      <span role="status" aria-live="polite" aria-atomic="true">
        {announced}
      </span>
      {shown}
    </div>
  );
}

const notLoaded = () => undefined;
