import path from 'node:path';
import type {Compiler, Module} from 'webpack';
import {isMarkdownNotebook, ownMdxFormat} from './mystMarkdownFormat.js';
import type {SitePage} from './sitePages.js';

const PLUGIN_NAME = 'PyodocsMystNotebookFormatHint';

/**
 * The site's MyST notebooks that Docusaurus compiles as MDX: those whose
 * front matter says `mdx: {format: mdx}` (in a Markdown file; `.mdx`
 * notebooks are MDX by choice). The others in Markdown files are read as
 * CommonMark (`mystMarkdownAsCommonMark`), whatever the site's format.
 */
export function mystNotebooksReadAsMdx(pages: readonly SitePage[]): Set<string> {
  const found = new Set<string>();
  for (const page of pages) {
    if (isMarkdownNotebook(page.source, page.frontMatter) && ownMdxFormat(page.frontMatter) === 'mdx') {
      found.add(page.source);
    }
  }
  return found;
}

/**
 * A MyST notebook compiled as MDX fails on MyST's own syntax (`{math}`
 * roles, `$\frac{a}{b}$`, `{note}` read as JavaScript expressions) with
 * MDX's message alone, such as "Could not parse expression with acorn",
 * which does not say that the file is read as the wrong kind of Markdown.
 * Such a page (one whose front matter asks for MDX) gets the reason and
 * the fix in its build error, right after MDX's cause. Pages that compile
 * are left alone: MDX notebooks work.
 */
export class MystNotebookFormatHintPlugin {
  constructor(
    private readonly notebooks: () => ReadonlySet<string>,
    private readonly siteDir: string,
  ) {}

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      // A loader's error does not fail the module's build: webpack keeps it on the module, and reports it later.
      compilation.hooks.succeedModule.tap(PLUGIN_NAME, (module: Module) => {
        const resource = (module as Module & {resource?: string}).resource;
        if (resource === undefined || !this.notebooks().has(resource)) return;
        const file = path.relative(this.siteDir, resource);
        for (const error of module.getErrors() ?? []) {
          // MDX's own place of the error, in the details Docusaurus prints ("name": "11:16").
          const place = /"name": "(\d+:\d+)"/.exec(error.message)?.[1];
          const hint = formatHint(place ? `${file}:${place}` : file);
          if (!error.message.includes(hint)) error.message = withHint(error.message, hint);
        }
      });
    });
  }
}

/** The hint for a notebook compiled as MDX. */
export function formatHint(file: string): string {
  return `Hint: ${file}: this page is a MyST notebook, and Docusaurus compiled it as MDX (its front matter says \`mdx: {format: mdx}\`), where \`{…}\` in MyST's roles, math and directives is JavaScript. Remove that line: pyodocs reads MyST notebooks as CommonMark, as Jupyter does.`;
}

/** The message with the hint after MDX's cause (Docusaurus's "Cause: …" line), before the details and stack. */
function withHint(message: string, hint: string): string {
  const details = message.indexOf('\nDetails:');
  return details === -1 ? `${message}\n${hint}` : `${message.slice(0, details)}\n${hint}${message.slice(details)}`;
}
