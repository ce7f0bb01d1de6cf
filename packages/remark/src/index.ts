export {remarkPythonCells, remarkPythonCells as default} from './remarkPythonCells.js';
export {pythonCellsTransform} from './pythonCellsTransform.js';
export {parseFenceMeta} from './meta/parseFenceMeta.js';
export type {FenceMeta, FenceMetaProblem} from './meta/parseFenceMeta.js';
export type {FenceMetaItem} from './meta/tokenizeFenceMeta.js';
export type {RemarkPythonCellsOptions} from './options/resolveOptions.js';
export type {PageManifest, PageManifestCell} from './manifest/PageManifest.js';
export type {PyodocsRuleId} from './problems/ruleIds.js';
