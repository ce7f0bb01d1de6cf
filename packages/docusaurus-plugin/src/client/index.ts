// `@pyodocs/docusaurus-plugin/client`: what theme code (ours and other
// plugins') may use in the browser. Nothing here imports Node.
export {loadPageData, type PageData, pageDataPath, pageRoute} from './pageData.js';
