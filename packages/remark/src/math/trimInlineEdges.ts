import type {PhrasingContent} from 'mdast';

/** Drops the white space at the start of the first and the end of the last text node (and nodes left empty). */
export function trimInlineEdges(nodes: PhrasingContent[]): void {
  const first = nodes[0];
  if (first?.type === 'text') {
    first.value = first.value.replace(/^\s+/, '');
    if (first.value === '') nodes.shift();
  }
  const last = nodes.at(-1);
  if (last?.type === 'text') {
    last.value = last.value.replace(/\s+$/, '');
    if (last.value === '') nodes.pop();
  }
}
