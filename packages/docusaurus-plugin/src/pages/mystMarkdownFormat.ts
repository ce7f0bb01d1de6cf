import path from 'node:path';
import type {MarkdownConfig, ParseFrontMatter} from '@docusaurus/types';
import {isMystNotebookFrontMatter, usesMystMarkdown} from '@pyodocs/remark';

/** The extensions Docusaurus reads as CommonMark under `markdown.format: 'detect'` (its mdx-loader's list). */
const MARKDOWN_EXTENSIONS: ReadonlySet<string> = new Set([
  '.md',
  '.markdown',
  '.mdown',
  '.mkdn',
  '.mkd',
  '.mdwn',
  '.mkdown',
  '.ron',
]);

/**
 * The site's Markdown config as the mdx-loaders get it, where MyST Markdown
 * in a `.md` file is read as CommonMark, as Jupyter and MyST read it, even on
 * a site whose `markdown.format` is 'mdx' (Docusaurus's default): a MyST
 * notebook (jupytext or kernelspec front matter), and a page that uses MyST
 * directives without MDX of its own (`usesMystMarkdown`: a Jupyter Book
 * chapter, a Sphinx docs folder's `{include}` of a README). MDX would run
 * the `{…}` of their math, roles and directives as JavaScript and reject
 * their `<https://…>` links, and most would not build. The page's own
 * `mdx.format` still wins; other pages are as before. The front matter the
 * loader parses gets `mdx: {format: 'md'}`, Docusaurus's per-page switch;
 * the content plugins' copy (metadata) is not touched.
 */
export function mystMarkdownAsCommonMark(config: MarkdownConfig): MarkdownConfig {
  if (config.format !== 'mdx') return config;
  const parse = config.parseFrontMatter;
  const parseFrontMatter: ParseFrontMatter = async (params) => {
    const parsed = await parse(params);
    const {frontMatter} = parsed;
    if (ownMdxFormat(frontMatter) !== undefined || !isMystMarkdownPage(params.filePath, frontMatter, parsed.content))
      return parsed;
    return {
      ...parsed,
      frontMatter: {...frontMatter, mdx: {...(frontMatter['mdx'] as object | undefined), format: 'md'}},
    };
  };
  return {...config, parseFrontMatter};
}

/** A Markdown (not MDX) file in MyST Markdown: a notebook, or a page with MyST directives and no MDX. */
export function isMystMarkdownPage(
  file: string,
  frontMatter: Readonly<Record<string, unknown>>,
  content: string,
): boolean {
  return isMarkdownNotebook(file, frontMatter) || (isMarkdownFile(file) && usesMystMarkdown(content));
}

/** A MyST notebook in a Markdown (not MDX) file. */
export function isMarkdownNotebook(file: string, frontMatter: Readonly<Record<string, unknown>>): boolean {
  return isMarkdownFile(file) && isMystNotebookFrontMatter(frontMatter);
}

function isMarkdownFile(file: string): boolean {
  return MARKDOWN_EXTENSIONS.has(path.extname(file));
}

/** The format a page's front matter asks for (`mdx: {format: …}`), if any. */
export function ownMdxFormat(frontMatter: Readonly<Record<string, unknown>>): unknown {
  const mdx = frontMatter['mdx'];
  return typeof mdx === 'object' && mdx !== null ? (mdx as {format?: unknown}).format : undefined;
}
