import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import type {PageContext} from '../page/PageContext.js';
import {usesMystMarkdown} from './mystMarkdownSyntax.js';

/** A link target that can only be a label: a name, no path, extension, anchor or scheme. */
const LABEL_LIKE = /^[A-Za-z_][\w-]*$/;

/**
 * MyST's Markdown links to labels: on a MyST page (a notebook, or a page
 * with directives), `[text](label)` whose target is no URL or file but a
 * label of the site links that label, as MyST-Parser resolves it (and
 * `[](label)` gets the target's title). Any other link is left to the site
 * (Docusaurus resolves file links and checks the rest).
 */
export function mystLabelLinks(tree: Root, page: PageContext): void {
  const resolve = page.options.resolveReference;
  const fromPage = page.includeStack[0];
  if (!resolve || fromPage === undefined || !page.source.includes('](')) return;
  if (!page.mystNotebook && !usesMystMarkdown(page.source)) return;
  visit(tree, 'link', (node) => {
    if (!LABEL_LIKE.test(node.url)) return;
    const found = resolve(node.url, fromPage);
    if (!found) return;
    if (found.file !== undefined) page.options.onFileRead?.({page: fromPage, file: found.file, exists: true});
    node.url = found.url;
    if (node.children.length === 0 && found.title !== undefined) node.children = [{type: 'text', value: found.title}];
  });
}
