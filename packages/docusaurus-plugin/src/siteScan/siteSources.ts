import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {SitePage} from '../pages/sitePages.js';

/** A file the scans of the site read before the build (siteMayHaveCells.ts, siteMayHaveBuildOutputs.ts). */
export interface SiteSource {
  /** Its text. */
  text: string;
  /** Markdown or MDX (a page, or a Markdown file of `src/`), not React code. */
  markdown: boolean;
  /** A swizzled cell part (`src/theme/Python*`): it renders inside cells, with what the cell hands it. */
  cellPart: boolean;
  /** A page's front matter as the site parsed it (its `parseFrontMatter` may add settings its text lacks). */
  frontMatter?: Readonly<Record<string, unknown>>;
}

const CODE_FILE = /\.(jsx?|tsx?|mdx?)$/;
const MARKDOWN_FILE = /\.mdx?$/;

/**
 * Every page of the site, then every code or Markdown file of its `src/`
 * (less `node_modules`), read once per build for both scans.
 */
export function readSiteSources(pages: readonly SitePage[], siteDir: string): SiteSource[] {
  const sources: SiteSource[] = pages.map((page) => ({
    text: readFileSync(page.source, 'utf8'),
    markdown: true,
    cellPart: false,
    frontMatter: page.frontMatter,
  }));
  const srcDir = path.join(siteDir, 'src');
  if (!existsSync(srcDir)) return sources;
  for (const file of readdirSync(srcDir, {recursive: true, encoding: 'utf8'})) {
    const parts = file.split(path.sep);
    if (!CODE_FILE.test(file) || parts.includes('node_modules')) continue;
    sources.push({
      text: readFileSync(path.join(srcDir, file), 'utf8'),
      markdown: MARKDOWN_FILE.test(file),
      cellPart: parts[0] === 'theme' && /^Python/.test(parts[1] ?? ''),
    });
  }
  return sources;
}

/** A page's front matter setting `pyodide.<key>`, if it has one. */
export function pyodideSetting(source: SiteSource, key: string): unknown {
  const settings = source.frontMatter?.['pyodide'];
  return typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>)[key] : undefined;
}
