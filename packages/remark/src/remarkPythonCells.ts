import type {Root} from 'mdast';
import {type Extension as FromMarkdownExtension, fromMarkdown} from 'mdast-util-from-markdown';
import type {VFile} from 'vfile';
import {type RemarkPythonCellsOptions, resolvePythonCellsOptions} from './options/resolveOptions.js';
import {pagePass} from './page/pagePass.js';

type MicromarkExtensions = NonNullable<Parameters<typeof fromMarkdown>[1]>['extensions'];

/**
 * unified plugin: one pass per page (see `pagePass`) normalises MyST
 * notebook syntax, gives doctest blocks their "Try it" element, turns
 * runnable python fences into live cell elements and sets the page manifest
 * on `file.data.pyodocs`. Options are checked here, once, when the processor
 * is configured, so a typo in a site config fails before any page is built.
 */
export function remarkPythonCells(
  // biome-ignore lint/suspicious/noConfusingVoidType: unified calls plugins with the processor as `this`; called bare, `this` is void.
  this: {data(): unknown} | void,
  options?: RemarkPythonCellsOptions | null,
): (tree: Root, file: VFile) => void {
  const resolved = resolvePythonCellsOptions(options);
  const processor = this ?? undefined;
  // Directive bodies are parsed with the page's own syntax extensions
  // (MDX for .mdx pages, CommonMark + directives for .md ones).
  const parseMarkdown = (markdown: string): Root => {
    const data = processor?.data() as
      | {micromarkExtensions?: MicromarkExtensions; fromMarkdownExtensions?: FromMarkdownExtension[]}
      | undefined;
    return fromMarkdown(markdown, {
      extensions: data?.micromarkExtensions ?? [],
      mdastExtensions: (data?.fromMarkdownExtensions ?? []).flat(),
    });
  };
  return (tree, file) => pagePass(tree, file, resolved, parseMarkdown);
}
