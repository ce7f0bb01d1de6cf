import type {Code} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {createBlockElement} from '../element/createBlockElement.js';
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
 * object) as expression attributes, the empty ones left out.
 */
export function createCellElement(
  componentName: string,
  node: Code,
  passthroughMeta: string | null,
  values: CellAttributes,
): MdxJsxFlowElement {
  const {id, code, session, packages, tags, timeout, behaviour} = values;
  return createBlockElement(componentName, node, passthroughMeta, {
    id,
    code,
    session,
    packages,
    tags,
    timeout,
    behaviour: behaviour && {...behaviour},
  });
}
