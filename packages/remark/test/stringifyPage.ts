import type {Root} from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {type RemarkPythonCellsOptions, remarkPythonCells} from '../src/index.js';

/** A page through the plugin (CommonMark with directives, or MDX) and back to Markdown, for tests that read the result. */
export async function stringifyPage(
  markdown: string,
  file: {path: string; cwd: string; data?: Record<string, unknown>},
  options: RemarkPythonCellsOptions & {mdx?: boolean} = {},
): Promise<string> {
  const {mdx, ...pluginOptions} = options;
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    // Like Docusaurus: directives (admonitions) in both formats.
    .use(mdx ? [remarkDirective, remarkMdx] : [remarkDirective])
    .use(remarkPythonCells, {mathStylesheet: false, ...pluginOptions})
    .use(remarkStringify);
  const vfile = new VFile({...file, value: markdown});
  const tree = (await processor.run(processor.parse(vfile), vfile)) as Root;
  return processor.stringify(tree, vfile).trim();
}

/** What the plugin reports of a page (`docs/page.md` of a site at `/site`): the thrown message, or 'no problem'. */
export async function pageProblems(
  markdown: string,
  options: RemarkPythonCellsOptions & {mdx?: boolean} = {},
): Promise<string> {
  return stringifyPage(markdown, {path: '/site/docs/page.md', cwd: '/site'}, options).then(
    () => 'no problem',
    (error: Error) => error.message,
  );
}
