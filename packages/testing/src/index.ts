// Test fixtures shared by the packages' tests and the e2e suite (never published).
export {buildWheel, lockEntry, pinnedPyodideLock, pyodideLockInfo, sha256Hex} from './wheels.js';
export type {Wheel} from './wheels.js';
export {markerPypi} from './markerPypi.js';
export {startPackageServer} from './packageServer.js';
export type {FixtureRelease, PackageServer, PackageServerOptions, ResponseOverride} from './packageServer.js';
