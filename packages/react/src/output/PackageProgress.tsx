import type {ReactNode} from 'react';

/**
 * How far a package download has come, as the runtime reports it (RunEvent
 * `progress`): bytes loaded so far and the total when the server said it.
 */
export interface PackageDownload {
  package: string;
  loaded: number;
  total: number | null;
}

const MEBIBYTE = 1024 * 1024;

/**
 * "Loading numpy: 3.1 of 7.9 MiB", from a label with `{package}`, `{loaded}`
 * and `{total}` placeholders; without a known total the " of …" part goes.
 */
export function formatPackageDownload(download: PackageDownload, label: string, labelWithoutTotal: string): string {
  const mib = (bytes: number) => (Math.max(0, bytes) / MEBIBYTE).toFixed(1);
  const template = download.total != null && download.total > 0 ? label : labelWithoutTotal;
  return template
    .replace('{package}', download.package)
    .replace('{loaded}', mib(download.loaded))
    .replace('{total}', download.total != null ? mib(download.total) : '');
}

interface PackageProgressProps {
  download: PackageDownload;
  label: string;
  labelWithoutTotal: string;
}

/**
 * The download line shown in the cell's status region while a package loads;
 * `data-pyodocs-progress` names the package for tests.
 */
export function PackageProgress({download, label, labelWithoutTotal}: PackageProgressProps): ReactNode {
  const known = download.total != null && download.total > 0;
  return (
    <span className="pyodocs-progress" data-pyodocs-progress={download.package}>
      {formatPackageDownload(download, label, labelWithoutTotal)}
      {known && (
        <progress
          className="pyodocs-progress-bar"
          max={download.total ?? undefined}
          value={Math.min(download.loaded, download.total ?? 0)}
          aria-hidden="true"
        />
      )}
    </span>
  );
}

/** True for the runtime's package-download RunEvent (`{type: 'progress', package, loaded, total}`). */
export function isPackageDownloadEvent(event: {type: string}): event is {type: 'progress'} & PackageDownload {
  const candidate = event as Partial<PackageDownload> & {type: string};
  return (
    candidate.type === 'progress' &&
    typeof candidate.package === 'string' &&
    typeof candidate.loaded === 'number' &&
    (candidate.total == null || typeof candidate.total === 'number')
  );
}
