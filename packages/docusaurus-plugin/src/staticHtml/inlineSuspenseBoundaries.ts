import {fileURLToPath} from 'node:url';
import type {LoaderDefinitionFunction, RuleSetRule} from 'webpack';

/** Where Docusaurus renders a page to its static HTML (`renderToPipeableStream`, read whole once all is ready). */
const RENDER_TO_HTML = /[\\/]@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]renderToHtml\.js$/;
const RENDER_CALL = /renderToPipeableStream\(\s*app\s*,\s*\{/;

/**
 * Server-bundle rule: Docusaurus's page renderer with React's
 * `progressiveChunkSize` set to infinity. Since React 19.2, a Suspense
 * boundary of more than 500 bytes that comes after 12.8 kB of the page (a
 * Docusaurus page's navbar and sidebar alone) is written as a hidden `<div>`
 * plus an inline script that moves it into place, even when nothing
 * suspended (facebook/react#33027). Every cell, doctest block and build
 * output has a boundary: the static HTML hid them from readers without
 * JavaScript and from search engines, showed them only once the script ran
 * (revealed in batches, up to 300 ms apart), and cost each page a script per
 * cell that the HTML minifier runs Terser on (issue 13: 0.7 s of the 100-page
 * bench's build). A static page is read whole, so nothing is gained by
 * outlining; the same in facebook/react#35271.
 */
export function inlineSuspenseBoundariesRule(): RuleSetRule {
  return {test: RENDER_TO_HTML, use: [{loader: fileURLToPath(import.meta.url)}]};
}

/** Adds the option to the render call; a warning when Docusaurus renders some other way (its pages are then as before). */
const inlineSuspenseBoundaries: LoaderDefinitionFunction = function (source) {
  if (source.includes('progressiveChunkSize')) return source;
  const patched = source.replace(RENDER_CALL, '$&progressiveChunkSize: Number.POSITIVE_INFINITY, ');
  if (patched === source) {
    this.emitWarning(
      new Error(
        `pyodocs: ${this.resourcePath} no longer calls renderToPipeableStream(app, {…}): cells and their outputs may be hidden from readers without JavaScript in the static HTML (React's outlined Suspense boundaries).`,
      ),
    );
  }
  return patched;
};
export default inlineSuspenseBoundaries;
