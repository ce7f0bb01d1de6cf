import type {RootContent} from 'mdast';
import type {Position} from 'unist';

/**
 * The element a MyST label becomes (a `(label)=` target, a directive's
 * `name`): an empty `<a id>` before what it labels. An <a> (Docusaurus's
 * Link, as the MDX `a` component), not a <span>: Docusaurus checks links to
 * `#label` (a `{ref}`, or `[text](#label)`) against the anchors Link and
 * headings collect.
 */
export function labelAnchor(label: string, position: Position | undefined): RootContent {
  const anchor: RootContent = {
    type: 'mdxJsxFlowElement',
    name: 'a',
    attributes: [{type: 'mdxJsxAttribute', name: 'id', value: label}],
    children: [],
    // The notebook keeps the markup as written.
    data: {pyodocsFromMarkdown: true},
  };
  if (position) anchor.position = position;
  return anchor;
}
