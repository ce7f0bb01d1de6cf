// Public API of @pyodocs/build: what a site build (the Docusaurus plugin) and
// the `pyodocs` CLI do to Python packages before readers run anything.
export {bundlePackages} from './packages/bundlePackages.js';
export type {BundledPackage, PackageBundle, PackageFetchOptions, PackageRequest} from './packages/bundlePackages.js';
export {describePackageBundle} from './packages/describePackageBundle.js';
export {writePackageFolder} from './packages/writePackageFolder.js';
export {distributionLock} from './packages/distributionLock.js';
