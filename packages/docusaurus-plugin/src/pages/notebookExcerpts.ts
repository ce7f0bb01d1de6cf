import type {DocusaurusConfig} from '@docusaurus/types';
import {mystProseSource} from '@pyodocs/remark';

/**
 * Docusaurus computes a page's title (when the front matter has none) and
 * its description (and the excerpt of a blog post) from the raw Markdown
 * after its front matter, not from the rendered tree: on a MyST notebook
 * (jupytext front matter) a `(label)=` target above the h1 hid the title and
 * `+++`, `$…$` or `{math}` became the description (issue 11). Wrap the
 * site's front matter parser so that, for those pages, the content it hands
 * back (used only for the title, the excerpt, and a blog post's reading
 * time and truncation; MDX compiles the file itself) is the notebook's
 * prose without its MyST markup.
 */
export function stripNotebookMarkersFromExcerpts(markdown: DocusaurusConfig['markdown']): void {
  const parse = markdown.parseFrontMatter;
  if ((parse as {pyodocs?: boolean}).pyodocs) return;
  const wrapped: typeof parse = async (params) => {
    const result = await parse(params);
    if (!isMystNotebook(result.frontMatter)) return result;
    return {...result, content: mystProseSource(result.content)};
  };
  markdown.parseFrontMatter = Object.assign(wrapped, {pyodocs: true});
}

/** The remark pass's test (jupytext or kernel front matter, or MyST-NB's `file_format`). */
function isMystNotebook(frontMatter: Record<string, unknown>): boolean {
  const object = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  return (
    object(frontMatter['jupytext']) || object(frontMatter['kernelspec']) || frontMatter['file_format'] === 'mystnb'
  );
}
