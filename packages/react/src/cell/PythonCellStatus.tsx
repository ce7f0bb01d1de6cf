import type {ReactNode} from 'react';
import {labelOf} from '../labels/labelOf.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {PackageProgress, type PackageDownload} from '../output/PackageProgress.js';
import {usePyodideStatus} from '../provider/usePyodideStatus.js';
import type {CellDataState, CellExecution} from './cellState.js';
import {formatDuration} from './formatDuration.js';

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
  const pending = dataState === 'queued' || dataState === 'running';
  let announced: ReactNode = null;
  let shown: ReactNode = null;
  if (pending && download) {
    announced = (
      <span className="pyodocs-visually-hidden">
        {labelOf(labels, 'loadingPackageStarted').replace('{package}', download.package)}
      </span>
    );
    shown = (
      <PackageProgress
        download={download}
        label={labels.loadingPackage}
        labelWithoutTotal={labels.loadingPackageUnknownSize}
      />
    );
  } else if (pending) {
    // Only waiting cells follow the client's status: hundreds of idle cells
    // on a page hold no subscription.
    const needed = queuedBecause === 'needed';
    announced = <PendingStatus running={dataState === 'running'} needed={needed} labels={labels} />;
    shown = needed ? null : <LoadingStage />;
  } else if (dataState === 'error' && failure === 'runtime') {
    announced = labels.failed;
  } else if (execution || dataState === 'error') {
    announced = (
      <>
        {dataState === 'error' ? labels.pythonError : null}
        {dataState === 'error' && execution ? ' ' : null}
        {execution ? <ExecutionSummary execution={execution} labels={labels} /> : null}
      </>
    );
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

function PendingStatus({
  running,
  needed,
  labels,
}: {
  running: boolean;
  needed: boolean;
  labels: Readonly<PythonCellLabels>;
}): ReactNode {
  const status = usePyodideStatus();
  // Loading is said by the cell the reader ran; the cells it needs say why they wait.
  if (needed) return labelOf(labels, running ? 'runningNeeded' : 'queuedNeeded');
  if (status.state === 'loading') return labels.loading;
  return running ? labels.running : labels.queued;
}

/** The runtime's current loading stage, beside "Loading Python…" (it changes several times: not announced). */
function LoadingStage(): ReactNode {
  const status = usePyodideStatus();
  if (status.state !== 'loading' || !status.message) return null;
  return <span className="pyodocs-status-detail"> {status.message}</span>;
}

/** `[3] · 12 ms`, read out as "Run 3 of this session, took 12 ms". */
function ExecutionSummary({execution, labels}: {execution: CellExecution; labels: Readonly<PythonCellLabels>}) {
  const duration = formatDuration(execution.durationMs, labels);
  const count = labelOf(labels, 'executionCount').replace('{count}', String(execution.count));
  const summary = labelOf(labels, 'executionSummary')
    .replace('{count}', String(execution.count))
    .replace('{duration}', duration);
  return (
    <span className="pyodocs-execution" data-pyodocs-execution={execution.count}>
      <span aria-hidden="true">
        <span className="pyodocs-execution-count">{count}</span> {duration}
      </span>
      <span className="pyodocs-visually-hidden">{summary}</span>
    </span>
  );
}
