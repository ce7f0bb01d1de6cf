export {isMystNotebookFrontMatter} from './frontMatter/readPageSettings.js';
export {usesMystMarkdown} from './myst/mystMarkdownSyntax.js';
export {findImports} from './imports/findImports.js';
export {removedHeadingIds} from './math/joinDisplayMathBlocks.js';
export type {PageManifest, PageManifestCell, PageNotebookCell} from './manifest/PageManifest.js';
export type {DoctestFenceMeta, FenceMeta, FenceMetaKind, FenceMetaProblem} from './meta/parseFenceMeta.js';
export {parseFenceMeta} from './meta/parseFenceMeta.js';
export type {FenceMetaItem} from './meta/tokenizeFenceMeta.js';
export {mystProseSource} from './myst/mystProseSource.js';
export type {LinkedDocument, ResolveDocument} from './myst/docRole.js';
export type {LinkedReference, ResolveReference} from './myst/refRole.js';
export type {ImageAsset, ResolveImage} from './myst/mystFigures.js';
export type {PageFileRead, RemarkPythonCellsOptions} from './options/resolveOptions.js';
export type {PyodocsRuleId} from './problems/ruleIds.js';
export {remarkPythonCells, remarkPythonCells as default} from './remarkPythonCells.js';
// MDX tree helpers, for sibling plugins that add elements of their own (one
// implementation of the estree an element or an import needs).
export type {AttributeValue} from './element/elementAttributes.js';
export {expressionAttribute} from './element/elementAttributes.js';
export {insertComponentImport} from './esm/insertComponentImport.js';
