import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {siteHasCells} from './manifest/SiteManifest.js';
import type {SiteManifestConsumer} from './manifest/SiteManifestPlugin.js';

/**
 * KaTeX's stylesheet for the cells' math outputs, served as files of the
 * site rather than bundled. Bundled, it was either in the stylesheet every
 * page loads (142 kB with the fonts it inlines) or a CSS chunk, whose
 * loader (mini-css-extract's) then sat in every page's runtime chunk
 * (0.45 kB gzip, issue 13). Instead the site's bundle swaps
 * `@pyodocs/react`'s module that imports the stylesheet for one that links
 * this copy when the first math output loads KaTeX.
 */
export interface KatexStylesheet {
  /** Absolute `dist/` folder of the KaTeX that `@pyodocs/react` typesets with. */
  distDir: string;
  /** Site-relative path of the copy, versioned so it can be cached forever; its fonts/ sit beside it. */
  publicPath: string;
  /** `@pyodocs/react`'s module that imports the stylesheet (its `loadKatexStylesheet`). */
  importModule: string;
  /** The module the site's bundle takes instead: links the copy (themeSupport/katexStylesheetLink.ts). */
  linkModule: string;
}

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function resolveKatexStylesheet(): KatexStylesheet {
  // KaTeX is a dependency of @pyodocs/react, not of this package: the stylesheet must match the KaTeX that typesets.
  const require = createRequire(import.meta.url);
  const reactDir = path.dirname(require.resolve('@pyodocs/react/package.json'));
  const katexPackageJson = createRequire(path.join(reactDir, 'package.json')).resolve('katex/package.json');
  const {version} = JSON.parse(readFileSync(katexPackageJson, 'utf8')) as {version: string};
  return {
    distDir: path.join(path.dirname(katexPackageJson), 'dist'),
    publicPath: `pyodocs/katex/${version}/katex.min.css`,
    importModule: path.join(reactDir, 'lib', 'output', 'math', 'katexStylesheet.js'),
    // lib/, also when this runs from src/ (tests): the theme's browser code is compiled there.
    linkModule: path.join(packageDir, 'lib', 'themeSupport', 'katexStylesheetLink.js'),
  };
}

/** The webpack alias that swaps the stylesheet's import for the link (exact path: nothing else matches). */
export function katexStylesheetAlias(katex: KatexStylesheet): Record<string, string> {
  return {[`${katex.importModule}$`]: katex.linkModule};
}

/** Emits the stylesheet and its fonts when a page has a cell (only cells typeset math in the browser). */
export function katexStylesheetConsumer(katex: KatexStylesheet): SiteManifestConsumer {
  let files: ReadonlyMap<string, Buffer> | undefined;
  const read = (): ReadonlyMap<string, Buffer> => {
    if (files) return files;
    const folder = path.posix.dirname(katex.publicPath);
    const found = new Map<string, Buffer>();
    found.set(katex.publicPath, readFileSync(path.join(katex.distDir, 'katex.min.css')));
    for (const font of readdirSync(path.join(katex.distDir, 'fonts')).sort())
      found.set(`${folder}/fonts/${font}`, readFileSync(path.join(katex.distDir, 'fonts', font)));
    files = found;
    return found;
  };
  return (site, output) => {
    if (!siteHasCells(site)) return;
    for (const [name, content] of read()) output.emit(name, content);
  };
}
