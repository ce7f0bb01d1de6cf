import type {DocusaurusConfig} from '@docusaurus/types';

/**
 * Docusaurus computes a page's description (and the excerpt of a blog post)
 * from the raw Markdown after its front matter, not from the rendered tree:
 * on a MyST notebook (jupytext front matter) the first "paragraph" is then a
 * `+++` cell marker. Wrap the site's front matter parser so that, for those
 * pages, the content it hands back (used only for the title and the
 * excerpt; MDX compiles the file itself) has no marker lines.
 */
export function stripNotebookMarkersFromExcerpts(markdown: DocusaurusConfig['markdown']): void {
  const parse = markdown.parseFrontMatter;
  if ((parse as {pyodocs?: boolean}).pyodocs) return;
  const wrapped: typeof parse = async (params) => {
    const result = await parse(params);
    if (!isJupytextNotebook(result.frontMatter)) return result;
    return {...result, content: result.content.replace(/^\+\+\+[^\n]*(\n|$)/gm, '')};
  };
  markdown.parseFrontMatter = Object.assign(wrapped, {pyodocs: true});
}

function isJupytextNotebook(frontMatter: Record<string, unknown>): boolean {
  return typeof frontMatter['jupytext'] === 'object' || typeof frontMatter['kernelspec'] === 'object';
}
