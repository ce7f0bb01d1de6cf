// Browser-safe helpers of @pyodocs/docusaurus-plugin for theme code (no Node imports).
export {pageDataPath} from './pageDataPath.js';
export type {PageData} from './PageData.js';
