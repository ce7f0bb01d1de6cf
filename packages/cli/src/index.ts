// Public API of @pyodocs/cli (the `pyodocs` command is bin/pyodocs.js).
export {main} from './cli.js';
export {MirrorError, mirrorPackages} from './mirror.js';
export type {MirroredPackage, MirrorOptions} from './mirror.js';
export {checkPages} from './check/checkPages.js';
export type {CheckOptions} from './check/checkPages.js';
export {formatCheckReport} from './check/formatCheckReport.js';
export type {CellReport, CheckReport, CheckSummary, PageReport, PageStatus} from './check/CheckReport.js';
export type {PageProblem} from './check/readPageManifest.js';
export type {Shard} from './check/shards.js';
