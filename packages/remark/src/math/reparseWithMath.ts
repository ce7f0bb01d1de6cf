import type {Nodes, PhrasingContent, Root} from 'mdast';
import type {Point} from 'unist';
import {visit} from 'unist-util-visit';
import type {SourceLines} from '../source/SourceLines.js';

/** A piece of the text given to the parser, and where it starts in the source. */
interface Piece {
  offset: number;
  text: string;
}

/**
 * The inline content of `children` (a paragraph's, a heading's, a table
 * cell's) with `$…$` and `$$…$$` as `inlineMath` nodes, or undefined when it
 * has none. CommonMark has already parsed the content without math: the
 * backslash escapes in it are gone (`\,` is `,`), and `*` or `_` inside math
 * may have made emphasis. So the content is re-read from the source by its
 * position (container prefixes such as `> ` removed) and parsed again with
 * the page's own syntax plus math (`parse`); then the new parse is merged
 * into the old: nodes outside math are kept as the page's earlier plugins
 * left them (resolved links, images), only what math covers is replaced.
 * Positions of the new nodes index the source.
 */
export function reparseWithMath(
  children: readonly PhrasingContent[],
  lines: SourceLines,
  parse: (markdown: string) => Root,
  definitions: string,
): PhrasingContent[] | undefined {
  const first = children[0]?.position?.start;
  const last = children.at(-1)?.position?.end;
  if (!first || !last) return undefined;
  const from = lines.offsetOf(first);
  const to = lines.offsetOf(last);
  const raw = lines.text.slice(from, to);
  if (!raw.includes('$')) return undefined;

  const pieces = unprefixedLines(raw, from);
  const text = pieces.map((piece) => piece.text).join('');
  let parsed: Root;
  try {
    parsed = parse(definitions ? `${text}\n\n${definitions}` : text);
  } catch {
    return undefined; // the page parsed without math; it is left as it was
  }
  const blocks = parsed.children.filter((node) => node.type !== 'definition' && node.type !== 'footnoteDefinition');
  const [paragraph] = blocks;
  if (blocks.length !== 1 || paragraph?.type !== 'paragraph') return undefined;
  if (!containsMath(paragraph)) return undefined;

  const toSource = sourceOffsets(pieces);
  const failed = {value: false};
  visit(paragraph, (node) => {
    if (!node.position) return;
    const start = node.position.start.offset;
    const end = node.position.end.offset;
    if (start === undefined || end === undefined) {
      failed.value = true;
      return;
    }
    node.position = {start: lines.pointAt(toSource(start)), end: lines.pointAt(toSource(end))};
  });
  if (failed.value) return undefined;
  return mergeInline(children, paragraph.children, lines) ?? paragraph.children;
}

/** The lines of `raw` without what containers put before them (`> `, list indentation), each with its source offset. */
function unprefixedLines(raw: string, offset: number): Piece[] {
  const pieces: Piece[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  let index = 0;
  const push = (lineStart: number, lineEnd: number) => {
    const line = raw.slice(lineStart, lineEnd);
    // The first line starts where the content does; the others after the containers' markers.
    const prefix = index === 0 ? 0 : (/^[ \t>]*/.exec(line)?.[0].length ?? 0);
    pieces.push({offset: offset + lineStart + prefix, text: line.slice(prefix)});
    index += 1;
  };
  for (const match of raw.matchAll(lineBreak)) {
    push(start, match.index);
    pieces.push({offset: offset + match.index, text: '\n'});
    start = match.index + match[0].length;
  }
  push(start, raw.length);
  return pieces;
}

function sourceOffsets(pieces: readonly Piece[]): (offset: number) => number {
  return (offset) => {
    let start = 0;
    for (const piece of pieces) {
      if (offset <= start + piece.text.length) return piece.offset + (offset - start);
      start += piece.text.length;
    }
    const last = pieces.at(-1);
    return last ? last.offset + last.text.length : 0;
  };
}

function containsMath(node: Nodes): boolean {
  let found = false;
  visit(node, 'inlineMath', () => {
    found = true;
  });
  return found;
}

/**
 * The page's nodes (`old`) with math from the new parse (`new`): where a
 * node of each parse covers the same source range, the old one is kept (its
 * children merged when the new one holds math); where they differ, the new
 * parse's nodes of that stretch are taken. Undefined when an old node has no
 * position, so nothing can be matched.
 */
function mergeInline(
  old: readonly PhrasingContent[],
  parsed: readonly PhrasingContent[],
  lines: SourceLines,
): PhrasingContent[] | undefined {
  const startOf = (node: PhrasingContent): number | undefined => offset(lines, node.position?.start);
  const endOf = (node: PhrasingContent): number | undefined => offset(lines, node.position?.end);
  if (old.some((node) => startOf(node) === undefined || endOf(node) === undefined)) return undefined;

  const merged: PhrasingContent[] = [];
  let i = 0;
  let j = 0;
  while (i < old.length || j < parsed.length) {
    const before = old[i];
    const after = parsed[j];
    if (
      before &&
      after &&
      before.type === after.type &&
      startOf(before) === startOf(after) &&
      endOf(before) === endOf(after)
    ) {
      if (!containsMath(after)) merged.push(before);
      else if ('children' in before && 'children' in after) {
        const inner = mergeInline(before.children, after.children as PhrasingContent[], lines);
        if (!inner) return undefined;
        before.children = inner as typeof before.children;
        merged.push(before);
      } else merged.push(after);
      i += 1;
      j += 1;
      continue;
    }
    // A stretch where the parses differ: take the new nodes until both line up again.
    let end = Math.max(before ? (endOf(before) ?? 0) : 0, after ? (endOf(after) ?? 0) : 0);
    const taken: PhrasingContent[] = [];
    const [oldAt, parsedAt] = [i, j];
    let grew = true;
    while (grew) {
      grew = false;
      while (i < old.length && (startOf(old[i] as PhrasingContent) ?? 0) < end) {
        end = Math.max(end, endOf(old[i] as PhrasingContent) ?? 0);
        i += 1;
        grew = true;
      }
      while (j < parsed.length && (startOf(parsed[j] as PhrasingContent) ?? 0) < end) {
        const node = parsed[j] as PhrasingContent;
        end = Math.max(end, endOf(node) ?? 0);
        taken.push(node);
        j += 1;
        grew = true;
      }
    }
    if (i === oldAt && j === parsedAt) {
      // Empty nodes: step past them.
      if (after) taken.push(after);
      i += before ? 1 : 0;
      j += after ? 1 : 0;
    }
    merged.push(...taken);
  }
  return merged;
}

function offset(lines: SourceLines, point: Point | undefined): number | undefined {
  return point ? lines.offsetOf(point) : undefined;
}
