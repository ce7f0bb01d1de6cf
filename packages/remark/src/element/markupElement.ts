import type {BlockContent} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';

/**
 * A JSX element made of a directive the page wrote (a figure, a table, a
 * card): flagged `pyodocsFromMarkdown`, so the page's notebook keeps that
 * markup as written rather than dropping the element.
 */
export function markupElement(
  name: string,
  attributes: MdxJsxAttribute[],
  children: BlockContent[],
): MdxJsxFlowElement {
  return {type: 'mdxJsxFlowElement', name, attributes, children, data: {pyodocsFromMarkdown: true}};
}
