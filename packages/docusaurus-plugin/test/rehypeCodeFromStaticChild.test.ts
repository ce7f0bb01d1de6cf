import {evaluate} from '@mdx-js/mdx';
import {remarkPythonCells} from '@pyodocs/remark';
import type {Root} from 'hast';
import {createElement, type ReactNode} from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import {renderToStaticMarkup} from 'react-dom/server';
import {visit} from 'unist-util-visit';
import {describe, expect, test} from 'vitest';
import {rehypeCodeFromStaticChild} from '../src/rehypeCodeFromStaticChild.js';
import {staticChildCode} from '../src/themeSupport/staticChildCode.js';

// The element leaves `code` out when its static child holds it, and the
// theme's staticChildCode reads back exactly the code: the real MDX
// compiler, the real React elements it makes.

interface Seen {
  attribute: string | undefined;
  code: string;
}

async function cellsOf(page: string, rehypePlugins: unknown[] = []): Promise<Seen[]> {
  const seen: Seen[] = [];
  const {default: Content} = await evaluate(
    {value: page, path: 'docs/page.mdx'},
    {
      ...jsxRuntime,
      remarkPlugins: [remarkPythonCells],
      rehypePlugins: [...rehypePlugins, [rehypeCodeFromStaticChild, {elementName: 'PyodocsPythonCell'}]] as never,
    },
  );
  const Cell = (props: {code?: string; children?: ReactNode}) => {
    seen.push({attribute: props.code, code: props.code ?? staticChildCode(props.children)});
    return null;
  };
  renderToStaticMarkup(createElement(Content, {components: {PyodocsPythonCell: Cell}}));
  return seen;
}

const CODES = [
  'print("hello")',
  'x = {"a": 1}\n\n\ndef f():\n    return `x` if x else "\\\\n"\n',
  'λ = "ünïcödé ✓"  # <tag> & {braces}\n\n',
  '',
];

describe('rehypeCodeFromStaticChild', () => {
  test('the element drops code its static child holds, and the theme reads the same code back', async () => {
    const page = CODES.map((code) => `\`\`\`python run\n${code}\n\`\`\`\n`).join('\n');
    const seen = await cellsOf(page);
    // The 2nd and 3rd end in blank lines, kept; the 4th is an empty fence.
    expect(seen.map(({code}) => code)).toEqual(CODES);
    expect(seen.map(({attribute}) => attribute)).toEqual(CODES.map(() => undefined));
  });

  test('a fence with Docusaurus meta (title) still derives its code', async () => {
    const seen = await cellsOf('```python run title="example.py" showLineNumbers\nprint(1)\n```\n');
    expect(seen).toEqual([{attribute: undefined, code: 'print(1)'}]);
  });

  test('a child another plugin reshaped keeps the code attribute', async () => {
    // A highlighter that wraps each line in a span and drops the line ends, as some do.
    const lines = () => (tree: Root) => {
      visit(tree, 'element', (element) => {
        if (element.tagName !== 'code') return;
        const [text] = element.children;
        if (text?.type !== 'text') return;
        element.children = text.value
          .split('\n')
          .map((line) => ({type: 'element', tagName: 'span', properties: {}, children: [{type: 'text', value: line}]}));
      });
    };
    const seen = await cellsOf('```python run\na = 1\nb = 2\n```\n', [lines]);
    expect(seen).toEqual([{attribute: 'a = 1\nb = 2', code: 'a = 1\nb = 2'}]);
  });
});
