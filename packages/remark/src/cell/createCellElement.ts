import type {Code} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';

/** The values a cell element carries (see the contract in notes/CONTRACTS.md). */
export interface CellAttributes {
  id: string;
  code: string;
  session: string;
  /** Packages the cell needs (page's and fence's, deduplicated); the attribute is left out when empty. */
  packages?: readonly string[] | undefined;
  /** MyST cell tags (`hide-input raises-exception`); the attribute is left out when empty. */
  tags?: readonly string[] | undefined;
  /** The fence's `timeout=SECONDS`; the attribute is left out when unset. */
  timeout?: number | undefined;
}

/**
 * The `<PyodocsPythonCell id code session>` element that replaces a runnable
 * fence. The original code node stays as its child (minus our meta keys) so
 * the highlighted static code is still rendered at build time.
 */
export function createCellElement(
  componentName: string,
  node: Code,
  passthroughMeta: string | null,
  values: CellAttributes,
): MdxJsxFlowElement {
  const {data, ...rest} = node;
  const staticCode: Code = {...rest, meta: passthroughMeta};
  if (data) {
    const {pyodocsCell: _cell, ...otherData} = data;
    if (Object.keys(otherData).length > 0) staticCode.data = otherData;
  }
  const element: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: componentName,
    attributes: [
      attribute('id', values.id),
      attribute('code', values.code),
      attribute('session', values.session),
      ...(values.packages && values.packages.length > 0 ? [attribute('packages', values.packages.join(','))] : []),
      ...(values.tags && values.tags.length > 0 ? [attribute('tags', values.tags.join(' '))] : []),
      ...(values.timeout === undefined ? [] : [attribute('timeout', String(values.timeout))]),
    ],
    children: [staticCode],
  };
  if (node.position) element.position = node.position;
  return element;
}

function attribute(name: string, value: string): MdxJsxAttribute {
  return {type: 'mdxJsxAttribute', name, value};
}
