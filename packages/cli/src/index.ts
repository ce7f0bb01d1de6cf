// Public API of @pyodocs/cli (the `pyodocs` command is bin/pyodocs.js).
export {main} from './cli.js';
export {MirrorError, mirrorPackages} from './mirror.js';
export type {MirroredPackage, MirrorOptions} from './mirror.js';
