import path from 'node:path';
import {isMystNotebookFrontMatter} from '@pyodocs/remark';
import type {Compiler, Module} from 'webpack';
import type {SitePage} from './sitePages.js';

const PLUGIN_NAME = 'PyodocsMystNotebookFormatHint';

/** The extensions Docusaurus reads as CommonMark under `markdown.format: 'detect'` (its mdx-loader's list). */
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkdn', '.mkd', '.mdwn', '.mkdown', '.ron']);

/** Why a notebook was compiled as MDX: the site's `markdown.format`, or its own front matter. */
export type MdxBecause = 'site' | 'front matter';

/**
 * The site's MyST notebooks (Markdown files with jupytext or kernelspec
 * front matter) that Docusaurus compiles as MDX, as its mdx-loader decides
 * the format: the page's front matter `mdx.format`, else the site's
 * `markdown.format` ('mdx' by default), where 'detect' goes by extension.
 */
export function mystNotebooksReadAsMdx(
  pages: readonly SitePage[],
  siteFormat: 'mdx' | 'md' | 'detect',
): Map<string, MdxBecause> {
  const found = new Map<string, MdxBecause>();
  for (const page of pages) {
    if (!MARKDOWN_EXTENSIONS.has(path.extname(page.source)) || !isMystNotebookFrontMatter(page.frontMatter)) continue;
    const mdx = page.frontMatter['mdx'];
    const own = typeof mdx === 'object' && mdx !== null ? (mdx as {format?: unknown}).format : undefined;
    if (own === 'mdx') found.set(page.source, 'front matter');
    else if (own === undefined && siteFormat === 'mdx') found.set(page.source, 'site');
  }
  return found;
}

/**
 * A MyST notebook compiled as MDX fails on MyST's own syntax (`{math}`
 * roles, `$\frac{a}{b}$`, `{note}` read as JavaScript expressions) with
 * MDX's message alone, such as "Could not parse expression with acorn",
 * which does not say that the file is read as the wrong kind of Markdown.
 * Such a page's build error gets the reason and the fix, right after
 * MDX's cause. Pages that compile are left alone: MDX notebooks work.
 */
export class MystNotebookFormatHintPlugin {
  constructor(
    private readonly notebooks: () => ReadonlyMap<string, MdxBecause>,
    private readonly siteDir: string,
  ) {}

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      // A loader's error does not fail the module's build: webpack keeps it on the module, and reports it later.
      compilation.hooks.succeedModule.tap(PLUGIN_NAME, (module: Module) => {
        const resource = (module as Module & {resource?: string}).resource;
        const because = resource === undefined ? undefined : this.notebooks().get(resource);
        if (because === undefined || resource === undefined) return;
        const file = path.relative(this.siteDir, resource);
        for (const error of module.getErrors() ?? []) {
          // MDX's own place of the error, in the details Docusaurus prints ("name": "11:16").
          const place = /"name": "(\d+:\d+)"/.exec(error.message)?.[1];
          const hint = formatHint(place ? `${file}:${place}` : file, because);
          if (!error.message.includes(hint)) error.message = withHint(error.message, hint);
        }
      });
    });
  }
}

/** The hint for a notebook compiled as MDX. */
export function formatHint(file: string, because: MdxBecause): string {
  const why =
    because === 'site'
      ? "as MDX (the site's `markdown.format` is 'mdx', Docusaurus's default)"
      : 'as MDX (its front matter says `mdx: {format: mdx}`)';
  const fix =
    because === 'site'
      ? "Set `markdown: {format: 'detect'}` in docusaurus.config (`.md` files are then CommonMark, `.mdx` files stay MDX), or add `mdx: {format: md}` to this page's front matter."
      : 'Change it to `mdx: {format: md}`.';
  return `Hint: ${file}: this page is a MyST notebook, and Docusaurus compiled it ${why}, where \`{…}\` in MyST's roles, math and directives is JavaScript. ${fix}`;
}

/** The message with the hint after MDX's cause (Docusaurus's "Cause: …" line), before the details and stack. */
function withHint(message: string, hint: string): string {
  const details = message.indexOf('\nDetails:');
  return details === -1 ? `${message}\n${hint}` : `${message.slice(0, details)}\n${hint}${message.slice(details)}`;
}
