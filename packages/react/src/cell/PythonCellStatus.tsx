import type {ReactNode} from 'react';
import {labelOf, type PythonCellLabels} from '../labels/PythonCellLabels.js';
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
 * The status line: a polite live region that is always in the DOM (so screen
 * readers announce changes) and empty while nothing happens. After a run it
 * says, subtly, that the cell ran in this Python session: its execution
 * count (`[3]`) and how long it took.
 */
export function PythonCellStatus({
  dataState,
  failure,
  download,
  execution,
  queuedBecause,
  labels,
}: PythonCellStatusProps): ReactNode {
  let content: ReactNode = null;
  if ((dataState === 'queued' || dataState === 'running') && download) {
    content = (
      <PackageProgress
        download={download}
        label={labels.loadingPackage}
        labelWithoutTotal={labels.loadingPackageUnknownSize}
      />
    );
  } else if (dataState === 'queued' || dataState === 'running') {
    // Only waiting cells follow the client's status: hundreds of idle cells
    // on a page hold no subscription.
    content = <PendingStatus running={dataState === 'running'} needed={queuedBecause === 'needed'} labels={labels} />;
  } else if (dataState === 'error' && failure === 'runtime') {
    content = labels.failed;
  } else if (execution || dataState === 'error') {
    content = (
      <>
        {dataState === 'error' ? labels.pythonError : null}
        {dataState === 'error' && execution ? ' ' : null}
        {execution ? <ExecutionSummary execution={execution} labels={labels} /> : null}
      </>
    );
  }
  return (
    <div className="pyodocs-status" role="status" aria-live="polite">
      {content}
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
  if (status.state === 'loading') {
    return (
      <>
        {labels.loading} <span className="pyodocs-status-detail">{status.message}</span>
      </>
    );
  }
  return running ? labels.running : labels.queued;
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
