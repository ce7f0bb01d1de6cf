import type {Program} from 'estree';
import {valueToEstree} from 'estree-util-value-to-estree';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';

/** What an expression attribute can carry: values JSON can write. */
export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | readonly AttributeValue[]
  | {readonly [key: string]: AttributeValue};

/** `name="value"`. */
export function stringAttribute(name: string, value: string): MdxJsxAttribute {
  return {type: 'mdxJsxAttribute', name, value};
}

/**
 * `name={value}` with the value's estree, so the compiled JSX passes the real
 * array or number (@mdx-js/mdx compiles from `data.estree`, never re-parses
 * the text). The text is the value as JSON, which is also JavaScript.
 */
export function expressionAttribute(name: string, value: AttributeValue): MdxJsxAttribute {
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    comments: [],
    body: [{type: 'ExpressionStatement', expression: valueToEstree(value)}],
  };
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(value), data: {estree: program}},
  };
}

/** The value of the attribute `name`: a string attribute's text, an expression attribute's JSON value; undefined when absent or not JSON. */
function readAttribute(element: MdxJsxFlowElement, name: string): unknown {
  const attribute = element.attributes.find(
    (candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  );
  const value = attribute?.value;
  if (value === null || value === undefined || typeof value === 'string') return value ?? undefined;
  try {
    return JSON.parse(value.value) as unknown;
  } catch {
    return undefined;
  }
}

/** Readers of the attributes of elements made by an earlier run, by name; undefined when absent or of another type. */
export const readElementAttribute = {
  string(element: MdxJsxFlowElement, name: string): string | undefined {
    const value = readAttribute(element, name);
    return typeof value === 'string' ? value : undefined;
  },
  number(element: MdxJsxFlowElement, name: string): number | undefined {
    const value = readAttribute(element, name);
    return typeof value === 'number' ? value : undefined;
  },
  stringList(element: MdxJsxFlowElement, name: string): string[] | undefined {
    const value = readAttribute(element, name);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
  },
};

/** Sets the string attribute `name`, found by name (added when missing). */
export function setStringAttribute(element: MdxJsxFlowElement, name: string, value: string): void {
  const attribute = element.attributes.find(
    (candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  );
  if (attribute) attribute.value = value;
  else element.attributes.push(stringAttribute(name, value));
}
