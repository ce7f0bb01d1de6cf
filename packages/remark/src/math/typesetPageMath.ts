import type {Link, Parent, Root, RootContent} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import {SKIP, visit} from 'unist-util-visit';
import {expressionAttribute, stringAttribute} from '../element/elementAttributes.js';
import {type EquationReferenceData, equationId, type MathPlaceholderData} from './mathPlaceholders.js';
import {typesetTex} from './typesetTex.js';

/**
 * Typesets the page's math placeholders (from the page and the files it
 * includes) with KaTeX, once every label is known: labelled equations are
 * numbered in page order and get the id `equation-<label>`; `{eq}` becomes
 * a link to its equation, showing its number. The math becomes static HTML
 * in an element (`<span>` inline, `<div>` for display math) that carries it
 * as `dangerouslySetInnerHTML` (an estree expression attribute): no math
 * JavaScript runs in the reader's browser. A KaTeX error, a label used
 * twice or an unknown `{eq}` label is a problem where it is written, and
 * the text stays as written. Returns whether any math was typeset (the page
 * then needs KaTeX's stylesheet).
 */
export function typesetPageMath(tree: Root): boolean {
  const numbers = new Map<string, number>();
  visit(tree, 'math', (node) => {
    const math = node.data?.pyodocsMath;
    if (!math?.label) return;
    if (numbers.has(math.label)) {
      math.problems.report(
        'pyodocs:duplicate-math-label',
        `Equation label "${math.label}" is already used on this page. Give each labelled equation its own label.`,
        math.place,
      );
      math.label = undefined;
      return;
    }
    numbers.set(math.label, numbers.size + 1);
  });

  const macros: Record<string, string> = {};
  let typeset = false;
  visit(tree, (node, index, parent) => {
    if (!parent || typeof index !== 'number') return;
    const siblings = (parent as Parent).children as RootContent[];
    const math = node.data?.pyodocsMath;
    if (math && (node.type === 'math' || node.type === 'inlineMath')) {
      const element = mathElement(math, node.type === 'math', numbers, macros);
      const replacement: RootContent[] = element ? [element] : math.original;
      if (element) {
        typeset = true;
        if (node.position) element.position = node.position;
      }
      siblings.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    }
    const reference = node.data?.pyodocsEquationReference;
    if (reference && node.type === 'link') {
      const link = equationLink(reference, numbers);
      const replacement = link ? [link] : reference.original;
      if (link && node.position) link.position = node.position;
      siblings.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    }
    return undefined;
  });
  return typeset;
}

function mathElement(
  math: MathPlaceholderData,
  block: boolean,
  numbers: ReadonlyMap<string, number>,
  macros: Record<string, string>,
): MdxJsxFlowElement | MdxJsxTextElement | undefined {
  const number = math.label === undefined ? undefined : numbers.get(math.label);
  const result = typesetTex({tex: math.tex, display: math.display, nowrap: math.nowrap ?? false, number, macros});
  if (!result.ok) {
    const place = result.index === undefined ? math.place : (math.texPlace(result.index) ?? math.place);
    math.problems.report(
      'pyodocs:invalid-math',
      `KaTeX cannot typeset this math: ${result.message}. Fix the TeX (KaTeX supports most of LaTeX's math: https://katex.org/docs/supported).`,
      place,
    );
    return undefined;
  }
  const className = ['pyodocs-math', math.display ? 'pyodocs-math-display' : undefined, math.className]
    .filter(Boolean)
    .join(' ');
  const id = math.label !== undefined && number !== undefined ? equationId(math.label) : undefined;
  const attributes: MdxJsxAttribute[] = [
    stringAttribute('className', className),
    stringAttribute('data-pyodocs-math', math.display ? 'display' : 'inline'),
    expressionAttribute('dangerouslySetInnerHTML', {__html: result.html}),
  ];
  if (!block) {
    return {type: 'mdxJsxTextElement', name: 'span', attributes: withId(attributes, id), children: []};
  }
  const element: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes,
    children: [],
    data: {pyodocsFromMarkdown: true},
  };
  if (id === undefined) return element;
  // The id on an <a> (Docusaurus's Link), not on the div: Docusaurus checks
  // links to #equation-… against the anchors Link and headings collect, and
  // warns "broken anchor" about an id it never saw.
  const anchor: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: 'a',
    attributes: [stringAttribute('id', id)],
    children: [],
  };
  return {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes: [stringAttribute('className', 'pyodocs-math-labelled')],
    children: [anchor, element],
    data: {pyodocsFromMarkdown: true},
  };
}

function withId(attributes: MdxJsxAttribute[], id: string | undefined): MdxJsxAttribute[] {
  return id === undefined ? attributes : [stringAttribute('id', id), ...attributes];
}

function equationLink(reference: EquationReferenceData, numbers: ReadonlyMap<string, number>): Link | undefined {
  const number = numbers.get(reference.label);
  if (number === undefined) {
    const known = [...numbers.keys()];
    reference.problems.report(
      'pyodocs:unknown-math-label',
      `{eq}\`${reference.label}\` refers to no labelled equation on this page.` +
        (known.length > 0
          ? ` Labels here: ${known.join(', ')}.`
          : ' Label one with :label: in {math}, or $$ … $$ (label).'),
      reference.place,
    );
    return undefined;
  }
  return {type: 'link', url: `#${equationId(reference.label)}`, children: [{type: 'text', value: `(${number})`}]};
}
