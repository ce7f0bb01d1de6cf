// The renderers that need an HTML sanitizer and a Markdown parser (DOMPurify,
// marked): one chunk, fetched when the first such output arrives, so pages
// that never show one do not download them. See mimeRenderers.tsx.
export {HtmlOutput} from './HtmlOutput.js';
export {MarkdownOutput} from './MarkdownOutput.js';
