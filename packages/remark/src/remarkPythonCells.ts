import type {Root} from 'mdast';
import {type Extension as FromMarkdownExtension, fromMarkdown} from 'mdast-util-from-markdown';
import {mathFromMarkdown} from 'mdast-util-math';
import {math} from 'micromark-extension-math';
import type {VFile} from 'vfile';
import {type RemarkPythonCellsOptions, resolvePythonCellsOptions} from './options/resolveOptions.js';
import type {ParseMarkdown} from './page/PageContext.js';
import {pagePass} from './page/pagePass.js';

type MicromarkExtensions = NonNullable<Parameters<typeof fromMarkdown>[1]>['extensions'];

/**
 * unified plugin: one pass per page (see `pagePass`) normalises MyST
 * notebook syntax (admonitions, `{include}`, math typeset with KaTeX), gives
 * doctest blocks their "Try it" element, turns runnable python fences into
 * live cell elements and sets the page manifest on `file.data.pyodocs`. Options are checked here, once, when the processor
 * is configured, so a typo in a site config fails before any page is built.
 */
export function remarkPythonCells(
  // biome-ignore lint/suspicious/noConfusingVoidType: unified calls plugins with the processor as `this`; called bare, `this` is void.
  this: {data(): unknown} | void,
  options?: RemarkPythonCellsOptions | null,
): (tree: Root, file: VFile) => void {
  const resolved = resolvePythonCellsOptions(options);
  const processor = this ?? undefined;
  // Directive bodies and included files are parsed with the page's own
  // syntax extensions (MDX for .mdx pages, CommonMark + directives for .md
  // ones); math is re-read with text math added.
  const mathSyntax = {text: math().text};
  const mathFromSyntax = mathFromMarkdown();
  const parseMarkdown: ParseMarkdown = (markdown, parseOptions) => {
    const data = processor?.data() as
      | {micromarkExtensions?: MicromarkExtensions; fromMarkdownExtensions?: FromMarkdownExtension[]}
      | undefined;
    const extensions = data?.micromarkExtensions ?? [];
    const mdastExtensions = (data?.fromMarkdownExtensions ?? []).flat();
    return fromMarkdown(markdown, {
      extensions: parseOptions?.math ? [...extensions, mathSyntax] : extensions,
      mdastExtensions: parseOptions?.math ? [...mdastExtensions, mathFromSyntax] : mdastExtensions,
    });
  };
  return (tree, file) => pagePass(tree, file, resolved, parseMarkdown);
}
