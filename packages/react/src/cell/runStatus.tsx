import type {ReactNode} from 'react';
import {labelOf} from '../labels/labelOf.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {englishRunLabels} from '../labels/runLabels.js';
import {PackageProgress} from '../output/PackageProgress.js';
import {usePyodideStatus} from '../provider/usePyodideStatus.js';
import type {CellExecution} from './cellState.js';
import type {PythonCellStatusProps} from './PythonCellStatus.js';
import {formatDuration} from './formatDuration.js';

// What the status line says of a run (queued, loading, a package, running,
// the outcome): shown only once a run was asked for, so it comes with the
// run code (live/liveCode.ts), not with every cell (issue 13).

/** The live region's words and what shows beside them, for a cell that is pending or ran. */
export function runStatusParts({
  dataState,
  download,
  execution,
  queuedBecause,
  labels,
}: Omit<PythonCellStatusProps, 'failure'>): {announced: ReactNode; shown: ReactNode} {
  const pending = dataState === 'queued' || dataState === 'running';
  if (pending && download) {
    return {
      announced: (
        <span className="pyodocs-visually-hidden">
          {labelOf(labels, 'loadingPackageStarted', englishRunLabels).replace('{package}', download.package)}
        </span>
      ),
      shown: (
        <PackageProgress
          download={download}
          label={labels.loadingPackage}
          labelWithoutTotal={labels.loadingPackageUnknownSize}
        />
      ),
    };
  }
  if (pending) {
    // Only waiting cells follow the client's status: hundreds of idle cells
    // on a page hold no subscription.
    const needed = queuedBecause === 'needed';
    return {
      announced: <PendingStatus running={dataState === 'running'} needed={needed} labels={labels} />,
      shown: needed ? null : <LoadingStage />,
    };
  }
  return {
    announced: (
      <>
        {dataState === 'error' ? labels.pythonError : null}
        {dataState === 'error' && execution ? ' ' : null}
        {execution ? <ExecutionSummary execution={execution} labels={labels} /> : null}
      </>
    ),
    shown: null,
  };
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
  if (needed) return labelOf(labels, running ? 'runningNeeded' : 'queuedNeeded', englishRunLabels);
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
  const count = labelOf(labels, 'executionCount', englishRunLabels).replace('{count}', String(execution.count));
  const summary = labelOf(labels, 'executionSummary', englishRunLabels)
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
