// KaTeX, bundled and minified by the package build (scripts/bundleVendor.mjs):
// see codemirror.ts.
export {default} from 'katex';
