import type {Root, RootContent} from 'mdast';
import {MYST_ADMONITIONS} from './mystAdmonitions.js';

/** Directives read from their raw body (options, then text or Markdown of their own): a colon fence of one becomes the same code node as its backtick fence. */
export const COLON_FENCE_LITERAL_DIRECTIVES: ReadonlySet<string> = new Set([
  'include',
  'math',
  'image',
  'figure',
  'code-block',
  'code',
  'sourcecode',
  'toctree',
  'list-table',
  // Tabs parse their body (and the colon-fenced tab items in it) where they are made.
  'tab-set',
  'tab-item',
  'raw',
  'index',
  'epigraph',
  'pull-quote',
  'highlights',
  'exercise',
  'exercise-start',
  'exercise-end',
  'solution',
  'solution-start',
  'solution-end',
  // Cards and grids parse their body (and the colon-fenced items in it) where they are made.
  'card',
  'grid',
  'grid-item',
  'grid-item-card',
]);

// MyST's colon fences (the `colon_fence` extension, on by default in Jupyter
// Book): `:::{note}` … `:::`. Neither CommonMark nor MDX knows them, so they
// arrive as paragraphs (in MDX, `{note}` is an expression). Like MyST's own
// parser, the fence is found in the raw source lines: from the opener to the
// first line of at least as many colons, and its body is parsed as Markdown.

/** `:::{note} argument` (up to 3 spaces of indent, 3+ colons). */
export const COLON_FENCE_OPENER = /^ {0,3}(:{3,})\{([A-Za-z][\w-]*)\}[ \t]*(.*)$/;

/** One colon-fenced admonition found in the source (1-based lines). */
export interface ColonFence {
  directive: string;
  argument: string;
  /** Line of the opener. */
  openLine: number;
  /** Line of the closer. */
  closeLine: number;
}

export interface ColonFenceHandlers {
  /**
   * The node for a fence (an admonition, or the code node of `{include}` and
   * `{math}`), given its body's source text and the file line of the body's
   * first line.
   */
  admonition(fence: ColonFence, body: string, bodyFirstLine: number): RootContent;
  /** Parses Markdown source at a file line into block nodes with file positions. */
  parse(markdown: string, firstLine: number): RootContent[];
  /** A fence without a closer: reported, and left as it is. */
  unclosed(fence: Omit<ColonFence, 'closeLine'>, column: number): void;
}

/**
 * Replaces colon-fenced MyST admonitions among `parent`'s children (the
 * page's top level, or an admonition body) by admonition nodes; `lines` is
 * the page's source split into lines, split once per page. Children
 * that share lines with a fence (a paragraph that runs into the opener, text
 * right after the closer) are parsed again around it. Unknown directives are
 * left as they are. Only lines after `afterLine` can open a fence (an
 * admonition body must not find its own opener, whose argument it holds).
 */
export function replaceColonFences(
  parent: Root,
  lines: readonly string[],
  handlers: ColonFenceHandlers,
  afterLine = 0,
): void {
  const children = parent.children;
  for (let index = 0; index < children.length; index += 1) {
    const node = children[index];
    if (node?.type !== 'paragraph' || !node.position) continue;
    const opener = findOpener(lines, Math.max(node.position.start.line, afterLine + 1), node.position.end.line);
    if (!opener) continue;
    const {line: openLine, colons, directive, argument} = opener;
    const closeLine = findCloser(lines, openLine, colons);
    if (closeLine === undefined) {
      handlers.unclosed({directive, argument, openLine}, (lines[openLine - 1]?.indexOf(':') ?? 0) + 1);
      continue;
    }
    // The children the fence spans, from this paragraph to the one holding the closer.
    let last = index;
    while (last + 1 < children.length && (children[last + 1]?.position?.start.line ?? Infinity) <= closeLine) last += 1;
    const firstLine = node.position.start.line;
    const lastLine = Math.max(children[last]?.position?.end.line ?? closeLine, closeLine);

    const fence: ColonFence = {directive, argument, openLine, closeLine};
    const before = handlers.parse(lineRange(lines, firstLine, openLine - 1), firstLine);
    const admonition = handlers.admonition(fence, lineRange(lines, openLine + 1, closeLine - 1), openLine + 1);
    const after = handlers.parse(lineRange(lines, closeLine + 1, lastLine), closeLine + 1);
    children.splice(index, last - index + 1, ...before, admonition, ...after);
    // Text before the opener holds no other opener; the text after may.
    index += before.length;
  }
}

function findOpener(
  lines: readonly string[],
  from: number,
  to: number,
): {line: number; colons: number; directive: string; argument: string} | undefined {
  for (let line = from; line <= to; line += 1) {
    const match = COLON_FENCE_OPENER.exec(lines[line - 1] ?? '');
    const [, colons = '', directive = '', argument = ''] = match ?? [];
    if (match && (MYST_ADMONITIONS[directive] || COLON_FENCE_LITERAL_DIRECTIVES.has(directive)))
      return {line, colons: colons.length, directive, argument: argument.trim()};
  }
  return undefined;
}

/** The first line after `openLine` made only of at least `colons` colons. */
export function findCloser(lines: readonly string[], openLine: number, colons: number): number | undefined {
  const closer = new RegExp(`^ {0,3}:{${colons},}[ \\t]*$`);
  for (let line = openLine + 1; line <= lines.length; line += 1) {
    if (closer.test(lines[line - 1] ?? '')) return line;
  }
  return undefined;
}

/** Lines `from`..`to` (1-based, inclusive) joined; '' when empty. */
function lineRange(lines: readonly string[], from: number, to: number): string {
  return to < from ? '' : lines.slice(from - 1, to).join('\n');
}
