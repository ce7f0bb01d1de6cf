import type {Root} from 'mdast';
import {fromMarkdown, type Extension as FromMarkdownExtension} from 'mdast-util-from-markdown';
import type {VFile} from 'vfile';
import {doctestTransform} from './doctest/doctestTransform.js';
import {mystTransform} from './myst/mystTransform.js';
import {resolvePythonCellsOptions, type RemarkPythonCellsOptions} from './options/resolveOptions.js';
import {pythonCellsTransform} from './pythonCellsTransform.js';

type MicromarkExtensions = NonNullable<Parameters<typeof fromMarkdown>[1]>['extensions'];

/**
 * unified plugin: MyST notebook syntax is normalised first (see
 * `mystTransform`), doctest blocks get their "Try it" element (see
 * `doctestTransform`), then python fences become live cell elements (see
 * `pythonCellsTransform`). Options are checked here, when the processor is
 * configured, so a typo in a site config fails before any page is built.
 */
export function remarkPythonCells(
  // biome-ignore lint/suspicious/noConfusingVoidType: unified calls plugins with the processor as `this`; called bare, `this` is void.
  this: {data(): unknown} | void,
  options?: RemarkPythonCellsOptions | null,
): (tree: Root, file: VFile) => void {
  const resolved = resolvePythonCellsOptions(options);
  const processor = this ?? undefined;
  // Admonition bodies are parsed with the page's own syntax extensions
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
  return (tree, file) => {
    mystTransform(tree, file, {parseMarkdown, onError: resolved.onError});
    if (resolved.doctest !== false) {
      doctestTransform(tree, file, {
        tryIt: resolved.doctest,
        componentName: resolved.doctestComponentName,
        importSource: resolved.doctestImportSource,
        languages: resolved.languages,
      });
    }
    pythonCellsTransform(tree, file, options);
  };
}
