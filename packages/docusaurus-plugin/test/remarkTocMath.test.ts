import type {Heading, PhrasingContent, Root} from 'mdast';
import type {MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import {expressionAttribute} from '@pyodocs/remark';
import {describe, expect, test} from 'vitest';
import {remarkTocMath} from '../src/pages/remarkTocMath.js';

/** Inline math as the remark pass leaves it: a span with KaTeX's HTML (here a stand-in for it). */
function math(html: string): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name: 'span',
    attributes: [
      {type: 'mdxJsxAttribute', name: 'className', value: 'pyodocs-math'},
      {type: 'mdxJsxAttribute', name: 'data-pyodocs-math', value: 'inline'},
      expressionAttribute('dangerouslySetInnerHTML', {__html: html}),
    ],
    children: [],
  };
}

/**
 * A page as our plugin finds it after the remark pass: headings with the ids
 * Docusaurus's headings plugin gave them, and the `export const toc`
 * Docusaurus's toc plugin made before the pass, from the headings as written
 * (`written`: TeX source still).
 */
function pageTree(headings: Array<{written: string; children: PhrasingContent[]; id?: string}>): Root {
  const literal = (value: unknown) => ({type: 'Literal', value});
  const prop = (name: string, value: unknown) => ({
    type: 'Property',
    key: {type: 'Identifier', name},
    value: literal(value),
  });
  const tree: Root = {type: 'root', children: []};
  const entries = headings.map(({written, children, id: given}, index) => {
    const id = given ?? `heading-${index}`;
    tree.children.push({type: 'heading', depth: 2, children, data: {id, hProperties: {id}}} as Heading);
    return {type: 'ObjectExpression', properties: [prop('value', written), prop('id', id), prop('level', 2)]};
  });
  tree.children.push({
    type: 'mdxjsEsm',
    value: '',
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ExportNamedDeclaration',
            attributes: [],
            specifiers: [],
            source: null,
            declaration: {
              type: 'VariableDeclaration',
              kind: 'const',
              declarations: [
                {
                  type: 'VariableDeclarator',
                  id: {type: 'Identifier', name: 'toc'},
                  init: {type: 'ArrayExpression', elements: entries},
                },
              ],
            },
          },
        ],
      },
    },
  } as Root['children'][number]);
  return tree;
}

/** Each heading's id, and its entry's. */
function ids(tree: Root): {headings: unknown[]; entries: unknown[]} {
  const esm = JSON.stringify(tree.children.find((node) => node.type === 'mdxjsEsm'));
  return {
    headings: tree.children.filter((node) => node.type === 'heading').map((node) => node.data?.hProperties?.id),
    entries: Array.from(
      esm.matchAll(/"name":"id"\},"value":\{"type":"Literal","value":"([^"]*)"/g),
      (match) => match[1],
    ),
  };
}

function tocValues(tree: Root): string[] {
  const esm = tree.children.find((node) => node.type === 'mdxjsEsm') as unknown as {
    data: {
      estree: {
        body: [
          {
            declaration: {
              declarations: [
                {init: {elements: Array<{properties: Array<{key: {name: string}; value: {value: unknown}}>}>}},
              ];
            };
          },
        ];
      };
    };
  };
  return esm.data.estree.body[0].declaration.declarations[0].init.elements.map(
    (entry) => entry.properties.find((property) => property.key.name === 'value')?.value.value as string,
  );
}

describe('remarkTocMath', () => {
  test('entries of headings with math are made again with the typeset math; the others stay as Docusaurus made them', () => {
    const tree = pageTree([
      {
        written: 'The $\\chi^2$ <em>test</em>',
        children: [
          {type: 'text', value: 'The '},
          math('<span class="katex">χ²</span>'),
          {type: 'text', value: ' '},
          {type: 'emphasis', children: [{type: 'text', value: 'test'}]},
        ],
      },
      {
        written: 'A {math}<code>\\sqrt{x}</code> role and <code>a<b</code>',
        children: [
          {type: 'text', value: 'A '},
          math('<span class="katex">√x</span>'),
          {type: 'text', value: ' role and '},
          {type: 'inlineCode', value: 'a<b'},
        ],
      },
      {written: 'Plain &amp; simple', children: [{type: 'text', value: 'Plain & simple'}]},
    ]);
    remarkTocMath()(tree);
    expect(tocValues(tree)).toEqual([
      'The <span class="pyodocs-math"><span class="katex">χ²</span></span> <em>test</em>',
      'A <span class="pyodocs-math"><span class="katex">√x</span></span> role and <code>a&lt;b</code>',
      'Plain &amp; simple',
    ]);
  });

  test('entries Docusaurus wrote with a role as written are made again from the heading the roles became', () => {
    const tree = pageTree([
      {written: '{index}<code>NumPy &lt;single: NumPy&gt;</code>', children: [{type: 'text', value: 'NumPy'}]},
      {
        written: 'The {func}<code>print</code> function',
        children: [
          {type: 'text', value: 'The '},
          {type: 'inlineCode', value: 'print()'},
          {type: 'text', value: ' function'},
        ],
      },
      // A role pyodocs does not know stays as written, in the heading and its entry.
      {
        written: 'See {numref}<code>fig</code>',
        children: [
          {type: 'text', value: 'See {numref}'},
          {type: 'inlineCode', value: 'fig'},
        ],
      },
    ]);
    remarkTocMath()(tree);
    expect(tocValues(tree)).toEqual(['NumPy', 'The <code>print()</code> function', 'See {numref}<code>fig</code>']);
  });

  test('a heading with a role gets the id of its rendered text, unless its id was not made from the text or is taken', () => {
    const tree = pageTree([
      {
        written: '{index}<code>Compiling Functions &lt;single: Compiling&gt;</code>',
        id: 'indexcompiling-functions-single-compiling',
        children: [{type: 'text', value: 'Compiling Functions'}],
      },
      // An explicit {#own-id}: kept.
      {
        written: 'The {func}<code>print</code> call',
        id: 'own-id',
        children: [{type: 'text', value: 'The print() call'}],
      },
      // Its rendered text's id is another heading's: kept.
      {written: 'Overview', id: 'overview', children: [{type: 'text', value: 'Overview'}]},
      {written: '{index}<code>Overview</code>', id: 'indexoverview', children: [{type: 'text', value: 'Overview'}]},
    ]);
    remarkTocMath()(tree);
    const expected = ['compiling-functions', 'own-id', 'overview', 'indexoverview'];
    expect(ids(tree)).toEqual({headings: expected, entries: expected});
  });

  test('entries of headings the remark pass found to be display math go; the others stay', () => {
    const tree = pageTree([
      {written: 'Forces', children: [{type: 'text', value: 'Forces'}]},
      {written: '$$\\left[ a', children: [{type: 'text', value: '$$\\left[ a'}]},
      {written: 'Moments', children: [{type: 'text', value: 'Moments'}]},
    ]);
    // As the remark pass leaves such a page: the heading replaced by math, its id recorded.
    tree.children.splice(1, 1, {type: 'paragraph', children: [{type: 'text', value: 'math'}]});
    tree.data = {pyodocsRemovedHeadings: ['heading-1']};
    remarkTocMath()(tree);
    expect(tocValues(tree)).toEqual(['Forces', 'Moments']);
  });

  test('a page without a toc export, or without math in its headings, is left alone', () => {
    const withoutToc: Root = {type: 'root', children: [{type: 'heading', depth: 2, children: [math('x')]}]};
    remarkTocMath()(withoutToc);
    expect(withoutToc.children).toHaveLength(1);
    const plain = pageTree([{written: 'Costs $5 and $6', children: [{type: 'text', value: 'Costs $5 and $6'}]}]);
    remarkTocMath()(plain);
    expect(tocValues(plain)).toEqual(['Costs $5 and $6']);
  });
});
