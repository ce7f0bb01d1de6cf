import {isValidElement, type ReactNode} from 'react';

/**
 * The code of a cell from its static child, `<pre><code>code\n</code></pre>`
 * as MDX compiled it, for a cell element that carries no `code` attribute
 * (`rehypeCodeFromStaticChild.ts` leaves it out only for that shape): the
 * text of the elements' children, without the line end the compiler adds.
 */
export function staticChildCode(children: ReactNode): string {
  const text = textOf(children);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

function textOf(node: ReactNode): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{children?: ReactNode}>(node)) return textOf(node.props.children);
  return '';
}
