import type {Heading, Paragraph, PhrasingContent, Root, RootContent} from 'mdast';
import type {Math as DisplayMath} from 'mdast-util-math';
import type {Node} from 'unist';
import {visit} from 'unist-util-visit';
import type {SourceLines} from '../source/SourceLines.js';
import {trimInlineEdges} from './trimInlineEdges.js';

/** A line that opens a `$$` block: at most three spaces, then `$$`. */
const OPENING = /^ {0,3}\$\$/;
/** The end of a line that closes one: `$$`, or `$$ (label)`. */
const CLOSING = /\$\$[ \t]*(?:\(([^()$\r\n]+)\))?[ \t]*$/;
/** What CommonMark may have made of lines that are TeX: anything else ends the search. */
const MARKDOWN_OF_TEX: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'thematicBreak',
  'list',
  'blockquote',
  'code',
  'html',
]);

interface DollarBlock {
  /** Offsets of the opening `$$` and of the end of the closing line. */
  from: number;
  to: number;
  /** The line that closes the block. */
  endLine: number;
  tex: string;
  label: string | undefined;
}

/**
 * MyST's display math as markdown-it's dollarmath reads it: a line that
 * starts with `$$` opens a block that the first line ending in `$$` (or
 * `$$ (label)`) closes, whatever the lines between hold. Jupyter likewise
 * takes math out of a cell before reading its Markdown. CommonMark, which
 * read the page first, made Markdown of those lines: a line of `=` or `-`
 * under TeX turned it into a heading, a blank line into two paragraphs, a
 * line `- x` into a list, and the TeX showed as text. Here each such block
 * of the page's top level that is not inside one paragraph (those
 * `splitDisplayMath` finds) becomes one display math node in place of the
 * nodes it spans; text before the `$$` line and after the closing line
 * stays a paragraph (a heading, when an underline after the block made the
 * last node one). A `$$` without a closing line is left as it was, as MyST
 * leaves it. Returns the math nodes, to be made placeholders.
 */
export function joinDisplayMathBlocks(
  tree: Root,
  lines: SourceLines,
  parse: (markdown: string) => Root,
): DisplayMath[] {
  const made: DisplayMath[] = [];
  const removedHeadings: string[] = [];
  const children = tree.children;
  for (let index = 0; index < children.length; index += 1) {
    const node = children[index] as RootContent;
    if (node.type !== 'paragraph' && node.type !== 'heading') continue;
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end) continue;
    for (let line = start.line; line <= end.line; line += 1) {
      if (!OPENING.test(lines.line(line))) continue;
      const block = dollarBlock(lines, line);
      if (!block) break;
      let last = index;
      while (last + 1 < children.length && startOffset(children[last + 1], lines) < block.to) last += 1;
      if (last === index && node.type === 'paragraph') {
        // Within one paragraph: the paragraph's own math pass splits it off.
        line = block.endLine;
        continue;
      }
      const spanned = children.slice(index, last + 1);
      if (!spanned.every((covered) => isMarkdownOfTex(covered, lines))) break;
      const lastNode = spanned.at(-1) as RootContent;
      if (endOffset(lastNode, lines) > block.to && lastNode.type !== 'paragraph' && lastNode.type !== 'heading') break;
      const before = inlineBetween(node, undefined, block.from, lines, parse);
      const after =
        lastNode.type === 'paragraph' || lastNode.type === 'heading'
          ? inlineBetween(lastNode, block.to, undefined, lines, parse)
          : [];
      if (before === undefined || after === undefined) break;
      const math: DisplayMath = {
        type: 'math',
        value: block.tex,
        position: {start: lines.pointAt(block.from), end: lines.pointAt(block.to)},
        data: {pyodocsDollarLabel: block.label},
      };
      const replacement: RootContent[] = [];
      if (before.length > 0) replacement.push(withChildren({type: 'paragraph', children: []}, before));
      replacement.push(math);
      if (after.length > 0) {
        const tail: Paragraph | Heading =
          lastNode.type === 'heading' ? {...lastNode, children: []} : {type: 'paragraph', children: []};
        replacement.push(withChildren(tail, after));
      }
      // A heading kept for the text after the block (its underline came after) keeps its id and entry.
      const kept = new Set(replacement.map((put) => (put.type === 'heading' ? headingId(put) : undefined)));
      for (const covered of spanned) {
        const id = covered.type === 'heading' ? headingId(covered) : undefined;
        if (id !== undefined && !kept.has(id)) removedHeadings.push(id);
      }
      children.splice(index, last - index + 1, ...replacement);
      made.push(math);
      // On to the node after the math: text after it may open another block.
      index += before.length > 0 ? 1 : 0;
      break;
    }
  }
  if (removedHeadings.length > 0) {
    tree.data = {
      ...tree.data,
      pyodocsRemovedHeadings: [...(tree.data?.pyodocsRemovedHeadings ?? []), ...removedHeadings],
    };
  }
  return made;
}

declare module 'mdast' {
  interface RootData {
    /** See removedHeadingIds. */
    pyodocsRemovedHeadings?: string[];
  }
}

/**
 * The ids of the page's headings that were TeX and are display math since
 * the pass: Docusaurus put them in the page's table of contents before it,
 * and the site's plugin takes them out.
 */
export function removedHeadingIds(tree: Root): readonly string[] {
  return tree.data?.pyodocsRemovedHeadings ?? [];
}

/** The id Docusaurus's headings plugin gave a heading. */
function headingId(heading: Heading): string | undefined {
  const data = heading.data as {id?: unknown; hProperties?: {id?: unknown}} | undefined;
  const id = data?.id ?? data?.hProperties?.id;
  return typeof id === 'string' ? id : undefined;
}

/** The block a `$$` line opens, as dollarmath finds its end; undefined when no line closes it. */
function dollarBlock(lines: SourceLines, openingLine: number): DollarBlock | undefined {
  const opening = lines.line(openingLine);
  const lineStart = lines.offsetOf({line: openingLine, column: 1});
  const dollars = opening.indexOf('$$');
  const from = lineStart + dollars;
  const rest = opening.slice(dollars + 2);
  // `$$ … $$` on one line (more than the four dollars).
  const sameLine = rest.trim().length > 2 ? CLOSING.exec(rest) : null;
  if (sameLine) {
    return {
      from,
      to: lineStart + opening.length,
      endLine: openingLine,
      tex: rest.slice(0, sameLine.index),
      label: sameLine[1]?.trim(),
    };
  }
  // `$$a$$ and more` starts a paragraph with inline math, not a block that some later line might close.
  if (rest.includes('$$')) return undefined;
  const tex = [rest];
  for (let line = openingLine + 1; ; line += 1) {
    const lineOffset = lines.offsetOf({line, column: 1});
    if (lineOffset >= lines.text.length && lines.line(line) === '') return undefined;
    const text = lines.line(line);
    const closing = CLOSING.exec(text);
    if (closing) {
      tex.push(text.slice(0, closing.index));
      return {from, to: lineOffset + text.length, endLine: line, tex: tex.join('\n'), label: closing[1]?.trim()};
    }
    tex.push(text);
  }
}

/** A node CommonMark could have made of TeX lines: not a fenced code block, a cell, a directive or JSX. */
function isMarkdownOfTex(node: RootContent | undefined, lines: SourceLines): boolean {
  if (!node || !MARKDOWN_OF_TEX.has(node.type)) return false;
  if (node.type !== 'code') return true;
  const start = node.position?.start;
  // Indented code only: a fence is the author's.
  return start !== undefined && !/^[ \t]*(```|~~~)/.test(lines.text.slice(lines.offsetOf(start)));
}

/**
 * The inline content of a paragraph or heading between two source offsets
 * (either open), or undefined if a node other than text straddles one. A
 * text node cut by an offset is parsed again from its source (CommonMark
 * removed its backslash escapes); white space at the cut is dropped.
 */
function inlineBetween(
  node: Paragraph | Heading,
  from: number | undefined,
  to: number | undefined,
  lines: SourceLines,
  parse: (markdown: string) => Root,
): PhrasingContent[] | undefined {
  const kept: PhrasingContent[] = [];
  for (const child of node.children) {
    const start = startOffset(child, lines);
    const end = endOffset(child, lines);
    const inside = (from === undefined || start >= from) && (to === undefined || end <= to);
    const outside = (from !== undefined && end <= from) || (to !== undefined && start >= to);
    if (inside) kept.push(child);
    else if (!outside) {
      if (child.type !== 'text') return undefined;
      const cutFrom = Math.max(start, from ?? start);
      const cutTo = Math.min(end, to ?? end);
      kept.push(...parseInline(lines, cutFrom, cutTo, parse));
    }
  }
  trimInlineEdges(kept);
  return kept;
}

/** The inline nodes of the source between two offsets, positions in the page's source. */
function parseInline(
  lines: SourceLines,
  from: number,
  to: number,
  parse: (markdown: string) => Root,
): PhrasingContent[] {
  const text = lines.text.slice(from, to);
  if (text.trim() === '') return [];
  const [paragraph] = parse(text.trim()).children;
  if (paragraph?.type !== 'paragraph') return [{type: 'text', value: text.trim()}];
  const shift = from + (text.length - text.trimStart().length);
  visit(paragraph, (inner: Node) => {
    const position = inner.position;
    if (position?.start.offset === undefined || position.end.offset === undefined) {
      delete inner.position;
      return;
    }
    inner.position = {
      start: lines.pointAt(position.start.offset + shift),
      end: lines.pointAt(position.end.offset + shift),
    };
  });
  return paragraph.children;
}

function withChildren<T extends Paragraph | Heading>(node: T, children: PhrasingContent[]): T {
  node.children = children;
  const start = children[0]?.position?.start;
  const end = children.at(-1)?.position?.end;
  if (start && end) node.position = {start, end};
  else delete node.position;
  return node;
}

function startOffset(node: RootContent | PhrasingContent | undefined, lines: SourceLines): number {
  const start = node?.position?.start;
  return start ? lines.offsetOf(start) : Number.POSITIVE_INFINITY;
}

function endOffset(node: RootContent | PhrasingContent, lines: SourceLines): number {
  const end = node.position?.end;
  return end ? lines.offsetOf(end) : Number.NEGATIVE_INFINITY;
}
