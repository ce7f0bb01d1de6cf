import type {Code} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {createBlockElement} from '../element/createBlockElement.js';

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
  const {id, source, code, session, packages, timeout} = values;
  return createBlockElement(componentName, node, passthroughMeta, {id, source, code, session, packages, timeout});
}
