import type {Code} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {expressionAttribute, stringAttribute} from '../element/elementAttributes.js';
import {staticCode} from '../element/staticCode.js';

/** The values a doctest element carries (contract C2). */
export interface DoctestAttributes {
  id: string;
  /** The block exactly as documented. */
  source: string;
  /** The examples' sources without prompts: what the live cell shows after "Try it". */
  code: string;
  session: string;
  /** Packages the examples need (page's and block's); the attribute is left out when empty. */
  packages: readonly string[];
  /** The block's `timeout=SECONDS`; the attribute is left out when unset. */
  timeout: number | undefined;
}

/**
 * The `<PyodocsDoctest id source code session packages? timeout?>` element
 * around a doctest block: the documented example stays as written (its
 * child), the component adds "Try it".
 */
export function createDoctestElement(
  componentName: string,
  node: Code,
  passthroughMeta: string | null,
  values: DoctestAttributes,
): MdxJsxFlowElement {
  const element: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: componentName,
    attributes: [
      stringAttribute('id', values.id),
      stringAttribute('source', values.source),
      stringAttribute('code', values.code),
      stringAttribute('session', values.session),
      ...(values.packages.length > 0 ? [expressionAttribute('packages', values.packages)] : []),
      ...(values.timeout === undefined ? [] : [expressionAttribute('timeout', values.timeout)]),
    ],
    children: [staticCode(node, passthroughMeta)],
  };
  if (node.position) element.position = node.position;
  return element;
}
