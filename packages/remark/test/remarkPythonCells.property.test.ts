import fc from 'fast-check';
import type {Code, Root, Text} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {describe, expect, test} from 'vitest';
import {remarkPythonCells} from '../src/index.js';

// Property-based: generated Markdown (well-formed and broken fences, junk
// meta, front-matter-like text) goes through the transform. Whatever the
// input: no crash; every code block ends up either unchanged or as a cell
// holding exactly its code; the prose is untouched; the manifest lists the
// elements made. 300 pages each: a minute
// is room for a loaded machine, not the expected time.

const word = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,8}$/);
const metaToken = fc.oneof(
  fc.constantFrom('run', 'norun', 'run', 'showLineNumbers', '{1,3-4}', 'title="a b.py"', "title='x'"),
  word.map((w) => `session=${w}`),
  word.map((w) => `id=${w}`),
  word, // unknown flags and typos
  word.map((w) => `${w}=`), // empty value
  word.map((w) => `"${w}`), // unterminated quote
  fc.constantFrom('=', '==', 'a=b=c', '"', "'", '\\', '{', '}', 'run=yes'),
);
const meta = fc.array(metaToken, {maxLength: 5}).map((tokens) => tokens.join(' '));
const lang = fc.constantFrom('python', 'py', 'python3', 'Python', 'pycon', 'js', '', 'text');
const codeLine = fc.oneof(
  fc.constantFrom('print("hi")', 'x = 1', '>>> 1 + 1', '2', '', '    indented()', '```', '~~~', '# comment {braces}'),
  fc.string({maxLength: 20}).map((s) => s.replace(/[\r\n]/g, ' ')),
);
const fence = fc
  .record({
    marker: fc.constantFrom('```', '````', '~~~'),
    indent: fc.constantFrom('', ' ', '  ', '   '),
    lang,
    meta,
    lines: fc.array(codeLine, {maxLength: 4}),
    closed: fc.boolean(),
  })
  .map(({marker, indent, lang, meta, lines, closed}) =>
    [`${indent}${marker}${lang}${meta ? ` ${meta}` : ''}`, ...lines, ...(closed ? [`${indent}${marker}`] : [])].join(
      '\n',
    ),
  );
const prose = fc.oneof(
  fc.constantFrom(
    '# Title',
    'Some *text* here.',
    '- item one\n- item two',
    '> quoted',
    '---',
    'pyodide: false',
    ':::note\nadmonition\n:::',
  ),
  fc.string({maxLength: 30}).map((s) => s.replace(/[`~]/g, '')),
);
const listItemFence = fence.map((f) => `- item\n\n  ${f.split('\n').join('\n  ')}`);
const document = fc
  .array(fc.oneof(fence, fence, prose, listItemFence), {minLength: 1, maxLength: 8})
  .map((blocks) => `${blocks.join('\n\n')}\n`);
const runnable = fc.constantFrom('marked', 'all') as fc.Arbitrary<'marked' | 'all'>;

function codeNodes(tree: Root): Array<{lang: string | null | undefined; value: string}> {
  const found: Array<{lang: string | null | undefined; value: string}> = [];
  visit(tree, 'code', (node: Code) => {
    found.push({lang: node.lang, value: node.value});
  });
  return found;
}

function texts(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'text', (node: Text) => {
    found.push(node.value);
  });
  return found;
}

function cellCodes(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'mdxJsxFlowElement', (node) => {
    if (node.name === 'PyodocsPythonCell') {
      const code = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'code');
      found.push(typeof code?.value === 'string' ? code.value : '<missing>');
    }
  });
  return found;
}

function elementIds(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'mdxJsxFlowElement', (node) => {
    const id = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
    if (typeof id?.value === 'string') found.push(id.value);
  });
  return found;
}

describe('remark plugins on generated Markdown', () => {
  test('warn mode: no crash, every code block is unchanged or a cell with exactly its code, prose preserved', () => {
    fc.assert(
      fc.property(document, runnable, (markdown, mode) => {
        const before = fromMarkdown(markdown);
        const after = fromMarkdown(markdown);
        const file = new VFile({value: markdown, path: '/site/docs/generated.md', cwd: '/site'});
        remarkPythonCells({runnable: mode, onError: 'warn'})(after, file);

        // Code blocks: those still plain are a sub-multiset of the originals;
        // the rest became cells whose `code` is the original value.
        const original = codeNodes(before)
          .map((c) => c.value)
          .sort();
        const remaining = codeNodes(after)
          .map((c) => c.value)
          .sort();
        expect(remaining).toEqual(original); // cells keep their code node as child
        for (const code of cellCodes(after)) {
          expect(original).toContain(code);
        }
        expect(texts(after)).toEqual(texts(before));
        // The manifest lists every element made, in order, and so does its notebook.
        const manifest = file.data.pyodocs;
        expect(manifest?.cells.map((cell) => cell.id)).toEqual(elementIds(after));
        expect(manifest?.notebook.flatMap((cell) => (cell.type === 'code' ? [cell.id] : []))).toEqual(
          elementIds(after),
        );
        // Every message points somewhere in the file.
        for (const message of file.messages) {
          expect(message.line).toBeGreaterThan(0);
          expect(message.column).toBeGreaterThan(0);
        }
      }),
      {numRuns: 300},
    );
  }, 60_000);

  test('throw mode: either succeeds or fails with a positioned VFileMessage, never another error', () => {
    fc.assert(
      fc.property(document, runnable, (markdown, mode) => {
        const file = new VFile({value: markdown, path: '/site/docs/generated.md', cwd: '/site'});
        try {
          remarkPythonCells({runnable: mode, onError: 'throw'})(fromMarkdown(markdown), file);
        } catch (error) {
          // The error thrown is the fatal vfile message (file.fail), which
          // lists each problem with its file:line:col.
          expect(file.messages).toContain(error);
          expect(file.messages.at(-1)?.fatal).toBe(true);
          expect(String((error as Error).message)).toMatch(/docs\/generated\.md:\d+:\d+: /);
        }
      }),
      {numRuns: 300},
    );
  }, 60_000);
});
