import {createHash} from 'node:crypto';
import {createRequire} from 'node:module';
import {buildSync} from 'esbuild';
import type {SiteManifestConsumer} from './manifest/SiteManifestPlugin.js';

/**
 * `@pyodocs/react`'s cell styles, served as one minified file of the site
 * and linked from every page rather than bundled. Bundled (a client
 * module), its 24 kB went through the site's CSS pipeline in every build:
 * PostCSS, css-loader, mini-css-extract, then cssnano and clean-css's rule
 * restructuring over the whole site stylesheet, which grows faster than the
 * stylesheet. esbuild minifies it in milliseconds: 0.16 s less for a
 * 10-page build (fourteen pairs; 0.31 s with no styles at all, the upper
 * bound; issue 13's build row).
 *
 * Linked from the head of every page, so it blocks the first paint as the
 * bundled stylesheet did. Docusaurus writes plugins' head tags before its
 * own stylesheet, so the cells' rules now come before Infima's and the
 * site's: a site's `custom.css` overrides them at equal weight, and where
 * an Infima rule weighs as much as ours, ours carries one more selector
 * (styles.css, the output tables' rows). Only when the site has cells (the
 * site scan, as for the theme).
 */
export interface CellStylesheet {
  /** Site-relative path, named by a hash of the content so it can be cached forever. */
  publicPath: string;
  /** The minified stylesheet, its `@import`s inlined. */
  content: string;
}

/** Reads and minifies the stylesheet once per build (it is a file of an installed package). */
export function resolveCellStylesheet(): CellStylesheet {
  const entry = createRequire(import.meta.url).resolve('@pyodocs/react/styles.css');
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    // As Docusaurus's Terser and the vendor bundles: ASCII only, whatever the page's charset.
    charset: 'ascii',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  // One entry, written to memory: one output file (esbuild throws, naming file:line:col, if the CSS does not parse).
  const [output] = result.outputFiles;
  if (!output) throw new Error(`[pyodocs] esbuild wrote nothing for ${entry}`);
  const content = output.text;
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 8);
  return {publicPath: `pyodocs/styles.${hash}.css`, content};
}

/** The link each page's head gets (`injectHtmlTags`), before the site's stylesheet. */
export function cellStylesheetTag(stylesheet: CellStylesheet, baseUrl: string) {
  return {tagName: 'link', attributes: {rel: 'stylesheet', href: `${baseUrl}${stylesheet.publicPath}`}};
}

/** Emits the stylesheet whenever the pages link it (`linked`: the site scan's answer, as for the tag). */
export function cellStylesheetConsumer(stylesheet: () => CellStylesheet, linked: () => boolean): SiteManifestConsumer {
  return (_site, output) => {
    if (!linked()) return;
    const {publicPath, content} = stylesheet();
    output.emit(publicPath, content);
  };
}
