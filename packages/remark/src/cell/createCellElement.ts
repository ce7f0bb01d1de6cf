import type {Code} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {expressionAttribute, stringAttribute} from '../element/elementAttributes.js';
import {staticCode} from '../element/staticCode.js';
import type {CellBehaviourOverride} from '../page/PageContext.js';

/** The values a cell element carries (contract C2). */
export interface CellAttributes {
  id: string;
  code: string;
  session: string;
  /** Packages the cell needs (page's and fence's); the attribute is left out when empty. */
  packages: readonly string[];
  /** MyST cell tags (`hide-input`, `raises-exception`); the attribute is left out when empty. */
  tags: readonly string[];
  /** The fence's `timeout=SECONDS`; the attribute is left out when unset. */
  timeout: number | undefined;
  /** Reader behaviour the page's front matter overrides (C8); the attribute is left out when the page overrides nothing. */
  behaviour: CellBehaviourOverride | undefined;
}

/**
 * The `<PyodocsPythonCell id code session packages? tags? timeout? behaviour?>`
 * element that replaces a runnable fence: strings as string attributes,
 * `packages` and `tags` (arrays), `timeout` (a number) and `behaviour` (an
 * object) as expression attributes. The
 * original code node stays as its child (minus our meta items) so the
 * highlighted static code is still rendered at build time.
 */
export function createCellElement(
  componentName: string,
  node: Code,
  passthroughMeta: string | null,
  values: CellAttributes,
): MdxJsxFlowElement {
  const element: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: componentName,
    attributes: [
      stringAttribute('id', values.id),
      stringAttribute('code', values.code),
      stringAttribute('session', values.session),
      ...(values.packages.length > 0 ? [expressionAttribute('packages', values.packages)] : []),
      ...(values.tags.length > 0 ? [expressionAttribute('tags', values.tags)] : []),
      ...(values.timeout === undefined ? [] : [expressionAttribute('timeout', values.timeout)]),
      ...(values.behaviour === undefined ? [] : [expressionAttribute('behaviour', {...values.behaviour})]),
    ],
    children: [staticCode(node, passthroughMeta)],
  };
  if (node.position) element.position = node.position;
  return element;
}
