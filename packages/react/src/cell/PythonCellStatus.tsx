import type {ReactNode} from 'react';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {PackageProgress, type PackageDownload} from '../output/PackageProgress.js';
import {usePyodideStatus} from '../provider/usePyodideStatus.js';
import type {CellDataState} from './cellState.js';

export interface PythonCellStatusProps {
  /** The cell's `data-state`. */
  dataState: CellDataState;
  /** Why the last run ended in `error`: a Python exception, or Python could not run at all. */
  failure: 'python' | 'runtime' | null;
  /** The package download of the pending run, shown instead of the generic status. */
  download: PackageDownload | null;
  /** The cell's labels. */
  labels: Readonly<PythonCellLabels>;
}

/**
 * The status line: a polite live region that is always in the DOM (so screen
 * readers announce changes) and empty while nothing happens.
 */
export function PythonCellStatus({dataState, failure, download, labels}: PythonCellStatusProps): ReactNode {
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
    content = <PendingStatus running={dataState === 'running'} labels={labels} />;
  } else if (dataState === 'error') {
    content = failure === 'runtime' ? labels.failed : labels.pythonError;
  }
  return (
    <div className="pyodocs-status" role="status" aria-live="polite">
      {content}
    </div>
  );
}

function PendingStatus({running, labels}: {running: boolean; labels: Readonly<PythonCellLabels>}): ReactNode {
  const status = usePyodideStatus();
  if (status.state === 'loading') {
    return (
      <>
        {labels.loading} <span className="pyodocs-status-detail">{status.message}</span>
      </>
    );
  }
  return running ? labels.running : labels.queued;
}
