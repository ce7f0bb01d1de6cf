import {lazy, type ComponentType} from 'react';
import {RasterImageOutput, SvgImageOutput} from './ImageOutput.js';
import {JsonOutput} from './JsonOutput.js';
import {LatexOutput} from './LatexOutput.js';
import type {MimeRendererProps} from './MimeRendererProps.js';
import {TextOutput} from './TextOutput.js';

/** Renders one MIME type's value from a bundle. */
export type MimeRenderer = ComponentType<MimeRendererProps>;

// HTML and Markdown need DOMPurify and marked: a separate chunk (like the
// code editor and KaTeX), loaded by the first output that needs it. Until it
// arrives, MimeBundleOutput shows the bundle's text/plain.
function loadRichOutputRenderers() {
  return import('./richOutputRenderers.js');
}
const HtmlOutput = lazy(() => loadRichOutputRenderers().then((module) => ({default: module.HtmlOutput})));
const MarkdownOutput = lazy(() => loadRichOutputRenderers().then((module) => ({default: module.MarkdownOutput})));

/**
 * The renderers in that chunk. The server and hydration render their
 * fallback instead: no chunk is loaded to render a page (a bundler's server
 * build may not even be able to load it), and hydration matches the HTML.
 */
export const deferredRenderers: ReadonlySet<MimeRenderer> = new Set([HtmlOutput, MarkdownOutput]);

/**
 * Built-in renderers, richest first: the first type a bundle carries that has
 * a renderer wins. This is JupyterLab's rank order (HTML before images before
 * Markdown, LaTeX, JSON, and text/plain last), so an object renders here the
 * way it does in a notebook. Renderers a site registers with
 * `PyodocsOutputRenderers` come before all of these.
 */
export const mimeRenderers: ReadonlyArray<readonly [mimeType: string, render: MimeRenderer]> = [
  ['text/html', HtmlOutput],
  ['image/svg+xml', SvgImageOutput],
  ['image/png', RasterImageOutput],
  ['image/jpeg', RasterImageOutput],
  ['image/gif', RasterImageOutput],
  ['image/webp', RasterImageOutput],
  ['text/markdown', MarkdownOutput],
  ['text/latex', LatexOutput],
  ['application/json', JsonOutput],
  ['text/plain', TextOutput],
];
