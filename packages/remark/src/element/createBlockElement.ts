import type {Code} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {type AttributeValue, expressionAttribute, stringAttribute} from './elementAttributes.js';
import {staticCode} from './staticCode.js';

/**
 * The element `<componentName …attributes>` that replaces a runnable block
 * (a cell or a doctest block), in the attributes' order: strings as string
 * attributes, other values (arrays, numbers, objects) as expression
 * attributes; an undefined value or an empty list leaves its attribute out.
 * The original code node stays as its child (minus our meta items), so the
 * highlighted static code is still rendered at build time.
 */
export function createBlockElement(
  componentName: string,
  node: Code,
  passthroughMeta: string | null,
  attributes: Readonly<Record<string, AttributeValue | undefined>>,
): MdxJsxFlowElement {
  const element: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: componentName,
    attributes: Object.entries(attributes).flatMap(([name, value]) => {
      if (value === undefined || (Array.isArray(value) && value.length === 0)) return [];
      return [typeof value === 'string' ? stringAttribute(name, value) : expressionAttribute(name, value)];
    }),
    children: [staticCode(node, passthroughMeta)],
  };
  if (node.position) element.position = node.position;
  return element;
}
