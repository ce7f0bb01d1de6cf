// Browser-safe helpers of @pyodocs/docusaurus-plugin for theme code (ours and
// other plugins'; no Node imports).
export {loadPageData} from './loadPageData.js';
export type {PageData} from './PageData.js';
export {pageDataPath} from './pageDataPath.js';
