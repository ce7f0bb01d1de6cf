// Public API of @pyodocs/build: what a site build (the Docusaurus plugin) and
// the `pyodocs` CLI do before readers run anything: the Python packages pages
// need, and the pages' cells executed at build.
export {bundlePackages} from './packages/bundlePackages.js';
export type {BundledPackage, PackageBundle, PackageFetchOptions, PackageRequest} from './packages/bundlePackages.js';
export {describePackageBundle} from './packages/describePackageBundle.js';
export {writePackageFolder} from './packages/writePackageFolder.js';
export {distributionLock} from './packages/distributionLock.js';
export {PageExecutor} from './execution/PageExecutor.js';
export type {ExecutePageOptions, PageExecutorOptions} from './execution/PageExecutor.js';
export {describeCellFailure} from './execution/describeCellFailure.js';
export type {CellFailure} from './execution/describeCellFailure.js';
export type {
  CellExecution,
  CellExecutionStatus,
  ExecutableCell,
  ExecutedOutput,
  PageExecution,
} from './execution/CellExecution.js';
