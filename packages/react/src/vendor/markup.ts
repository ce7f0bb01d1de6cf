// marked and DOMPurify (the HTML and Markdown outputs), bundled and minified
// by the package build (scripts/bundleVendor.mjs): see codemirror.ts.
export {default as createDOMPurify, type Config, type DOMPurify} from 'dompurify';
export {Marked, type TokenizerAndRendererExtension} from 'marked';
