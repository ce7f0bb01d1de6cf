import type {Code, Paragraph, PhrasingContent, Root, RootContent, Text} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import type {Node, Point, Position} from 'unist';
import {SKIP, visit} from 'unist-util-visit';
import type {PageContext} from '../page/PageContext.js';
import type {PageProblems} from '../problems/PageProblems.js';
import {MYST_ADMONITIONS, mystDirectiveName, TITLED_DIRECTIVES, VERSION_DIRECTIVES} from './mystAdmonitions.js';
import {CARD_DIRECTIVES, mystCardNode} from './mystCards.js';
import {CODE_BLOCK_DIRECTIVES, mystCodeBlock} from './mystCodeBlocks.js';
import {labelAnchor} from './labelAnchor.js';
import {EXERCISE_DIRECTIVES, pageExercises, replaceExercise} from './mystExercises.js';
import {mystFigureNode} from './mystFigures.js';
import {mystQuote, QUOTE_DIRECTIVES} from './mystQuotes.js';
import {mystRawOrIndex} from './mystRawAndIndex.js';
import {mystListTable} from './mystListTable.js';
import {mystToctree} from './mystToctree.js';
import {mystTabNode, settleTabSets, TAB_DIRECTIVES} from './mystTabs.js';
import {parseMystOptions} from './mystCellOptions.js';
import {COLON_FENCE_LITERAL_DIRECTIVES, type ColonFenceHandlers, replaceColonFences} from './mystColonFences.js';

/** What a `{code-cell}` fence tells the python cells transform (set on `code.data.pyodocsCell`). */
export interface MystCellData {
  /** The cell's MyST tags, unknown ones included. */
  tags: string[];
}

declare module 'mdast' {
  interface CodeData {
    pyodocsCell?: MystCellData;
  }
}

/**
 * MyST Markdown notebooks (jupytext `format_name: myst`): `{code-cell}` fences
 * become python fences marked for the cells transform (with their tags),
 * `+++` block breaks disappear, and MyST admonition directives written as
 * fences (```` ```{note} ```` or `:::{note}`) become Docusaurus admonitions,
 * their bodies parsed with `page.parseMarkdown` (without it, a directive
 * fence's body becomes one plain-text paragraph and colon fences stay text).
 * The other directives it knows are made by their own modules (tabs, list
 * tables, toctrees, code blocks, raw and index, quotes, exercises, cards and
 * grids, figures);
 * unknown ones stay code blocks, as written.
 */
export function mystTransform(tree: Root, page: PageContext): void {
  const {problems, parseMarkdown} = page;
  const lines = page.source.split(/\r?\n/);
  removeBlockBreaks(tree, lines);
  replaceTargetsAndComments(tree, page.mystNotebook, lines);
  const handlers = parseMarkdown && colonFenceHandlers(parseMarkdown, lines, problems);
  if (handlers) replaceColonFences(tree, lines, handlers);
  const exercises = /\{(exercise|solution)/.test(page.source)
    ? pageExercises(tree)
    : {byFence: new Map(), byLabel: new Map()};
  // A container's body (tabs, cards, grids): the page's Markdown at its line, colon fences in it (tab items, cards) included.
  const parseContainer =
    parseMarkdown &&
    ((markdown: string, firstLine: number, openLine: number): RootContent[] => {
      const inner: Root = {type: 'root', children: shiftLines(parseMarkdown(markdown).children, firstLine)};
      if (handlers) replaceColonFences(inner, lines, handlers, openLine);
      return inner.children;
    });
  const parseBody = (markdown: string, firstLine: number): RootContent[] =>
    parseMarkdown
      ? shiftLines(parseMarkdown(markdown).children, firstLine)
      : [{type: 'paragraph', children: [{type: 'text', value: markdown}]}];

  visit(tree, 'code', (node, index, parent) => {
    const directive = mystDirectiveName(node.lang);
    if (!directive || !parent || typeof index !== 'number') return;
    const siblings = parent.children as RootContent[];

    const admonition = MYST_ADMONITIONS[directive];
    if (admonition) {
      const argument = node.meta?.trim() ?? '';
      const firstLine = node.position ? node.position.start.line + 1 : 0;
      const {title, content, contentFirstLine, collapsed, type} = admonitionContent(
        directive,
        argument,
        node.value,
        firstLine,
      );
      const fence = node.position && {line: node.position.start.line, column: node.position.start.column};
      const children = parseMarkdown
        ? shiftLines(parseMarkdown(content).children, contentFirstLine, bodyColumnShift(lines, fence, argument))
        : [{type: 'paragraph', children: [{type: 'text', value: content}]} as Paragraph];
      const made = collapsed
        ? dropdownNode(inlineTitle(title ?? 'Details', parseMarkdown), collapsed, children, node.position)
        : admonitionNode(type ?? admonition.type, title, children, node.position);
      siblings.splice(index, 1, made);
      return index; // visit the admonition's content too (nested cells)
    }

    if (TAB_DIRECTIVES.has(directive)) {
      if (!parseContainer) return;
      const made = mystTabNode(node, directive, page, parseContainer);
      if (!made) return;
      siblings.splice(index, 1, made);
      return index; // the tabs' content too: backtick tab items, cells
    }

    if (CARD_DIRECTIVES.has(directive)) {
      if (!parseContainer) return;
      const made = mystCardNode(node, directive, page, parseContainer);
      if (!made) return;
      siblings.splice(index, 1, made);
      return index; // the cards' content too: cells, roles, math
    }

    if (directive === 'list-table') {
      if (!parseMarkdown) return;
      const made = mystListTable(node, page, (markdown, firstLine) =>
        shiftLines(parseMarkdown(markdown).children, firstLine),
      );
      if (!made) return;
      siblings.splice(index, 1, ...made);
      return index; // the cells' content too: roles, math, cells
    }

    if (directive === 'toctree') {
      const made = mystToctree(node, page);
      if (!made) return;
      siblings.splice(index, 1, ...made);
      return index + made.length;
    }

    if (CODE_BLOCK_DIRECTIVES.has(directive)) {
      const made = mystCodeBlock(node, directive, page);
      if (!made) return;
      siblings.splice(index, 1, ...made);
      return index + made.length;
    }

    if (directive === 'raw' || directive === 'index') {
      const made = mystRawOrIndex(node, directive, page);
      if (!made) return;
      siblings.splice(index, 1, ...made);
      return index + made.length;
    }

    if (QUOTE_DIRECTIVES.has(directive)) {
      siblings.splice(index, 1, mystQuote(node, directive, parseBody));
      return index; // the quote's content too
    }

    if (EXERCISE_DIRECTIVES.has(directive)) {
      const made = replaceExercise(siblings, index, page, exercises, parseBody, (box) =>
        box.dropdown
          ? dropdownNode(inlineTitle(box.title, parseMarkdown), {open: false}, box.children, box.position)
          : admonitionNode(box.type, box.title, box.children, box.position),
      );
      if (made === undefined) return;
      return index; // the box's content too: cells, roles, math
    }

    if (directive === 'image' || directive === 'figure') {
      const made = mystFigureNode(node, directive, page, parseBody);
      if (!made) return;
      siblings.splice(index, 1, ...made);
      return index; // the caption's cells, roles and math too
    }

    if (directive !== 'code-cell') return;
    const fenceStart = node.position?.start;
    const parsed = parseMystOptions(node.value);
    for (const problem of parsed.problems) {
      problems.report(
        'pyodocs:invalid-cell-options',
        problem.message,
        fenceStart && {
          line: fenceStart.line + 1 + problem.line,
          column: fenceStart.column + problem.column - 1,
        },
      );
    }
    const argument = node.meta?.trim().split(/\s+/)[0]?.toLowerCase();
    const language = argument || page.kernelLanguage || 'python';
    if (!page.options.languages.isPythonKernel(language)) {
      if (page.settings.enabled) {
        problems.report(
          'pyodocs:non-python-kernel',
          `This {code-cell} is ${language}, but pyodocs runs only Python. Set "pyodide: false" in the front matter to show the page's cells as static code.`,
          fenceStart && {line: fenceStart.line, column: fenceStart.column},
        );
      }
      node.lang = language;
      node.meta = null;
      node.value = parsed.code;
      return;
    }
    if (parsed.problems.length > 0) return;
    // Jupyter Book drops cells holding only whitespace.
    if (parsed.code.trim() === '') {
      siblings.splice(index, 1);
      return index;
    }
    // `remove-cell` cells stay cells: hidden, but part of the session (Jupyter Book runs them).
    // `skip-execution` ones too: Jupyter Book only leaves them out of execution at build, as
    // @pyodocs/build does with the tag; a reader may still run them.
    const cell: Code = {
      type: 'code',
      lang: 'python',
      meta: null,
      value: parsed.code,
      data: {
        ...node.data,
        pyodocsCell: {tags: parsed.tags},
      },
    };
    if (node.position) cell.position = node.position;
    siblings.splice(index, 1, cell);
    return undefined;
  });
  if (page.options.tabComponents) settleTabSets(tree, page);
}

/**
 * Jupytext's `+++` (optionally followed by JSON metadata) separates markdown
 * cells; it has no meaning on a web page. In Markdown it parses as a
 * paragraph starting with `+++`; in MDX the JSON is an expression.
 */
function removeBlockBreaks(tree: Root, lines: readonly string[]): void {
  visit(tree, 'paragraph', (node, index, parent) => {
    if (!parent || typeof index !== 'number') return;
    const [first, second, ...rest] = node.children;
    if (first?.type !== 'text' || !/^\+\+\+[ \t]*(\{[^\n]*\})?[ \t]*(\n|$)/.test(first.value)) return;
    let remaining = node.children.slice(1);
    let text = first.value.replace(/^\+\+\+[ \t]*(\{[^\n]*\})?[ \t]*(\n|$)/, '');
    if (
      text === '' &&
      /^\+\+\+[ \t]*$/.test(first.value) &&
      (second as {type: string} | undefined)?.type === 'mdxTextExpression'
    ) {
      // MDX: `+++ {"a": 1}` is text "+++ " and an expression.
      remaining = rest;
      const next = remaining[0];
      if (next?.type === 'text') {
        text = next.value.replace(/^[ \t]*\n?/, '');
        remaining = remaining.slice(1);
      }
    }
    const children = text === '' ? remaining : [{...first, value: text}, ...remaining];
    if (children.length === 0) {
      (parent.children as RootContent[]).splice(index, 1);
      return index;
    }
    node.children = children;
    // The paragraph now starts on the line after the break: its source no longer holds the marker.
    const start = node.position?.start;
    const next = start && lines[start.line];
    if (start && next !== undefined && node.position) {
      const point = {line: start.line + 1, column: (/^[ \t>]*/.exec(next)?.[0].length ?? 0) + 1};
      node.position = {start: point, end: node.position.end};
      const head = children[0];
      if (head?.type === 'text' && head.position) head.position = {start: point, end: head.position.end};
    }
    return undefined;
  });
}

/**
 * MyST's other line markers, which are not text: a target `(label)=`
 * becomes an empty element with that id (links to `#label` land there, as
 * on the label's heading in a Jupyter Book), and in MyST notebooks a
 * comment line `% …` disappears. Both are found where they start a
 * paragraph's text line.
 */
function replaceTargetsAndComments(tree: Root, comments: boolean, lines: readonly string[]): void {
  const target = /^\(([^()\s][^()]*)\)=[ \t]*$/;
  visit(tree, 'paragraph', (node, index, parent) => {
    if (!parent || typeof index !== 'number') return;
    const labels: string[] = [];
    // A paragraph of marker lines only (the usual target above a heading): read from the source,
    // as the label may hold text directive syntax (`(content:execute:x)=`).
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    const written = start !== undefined && end !== undefined ? lines.slice(start - 1, end) : [];
    const markers = written.map((line) => line.replace(/^[ \t>]*/, ''));
    if (markers.length > 0 && markers.every((line) => target.test(line) || (comments && /^%/.test(line)))) {
      for (const line of markers) {
        const label = target.exec(line)?.[1];
        if (label) labels.push(label);
      }
      node.children = [];
    }
    let startsLine = true;
    for (const child of node.children) {
      if (child.type === 'text') {
        const written = child.value.split('\n');
        const keep = written.map((line, at) => {
          if (at === 0 && !startsLine) return true;
          const label = target.exec(line)?.[1];
          if (label) {
            labels.push(label);
            return false;
          }
          return !(comments && /^[ \t]*%/.test(line));
        });
        child.value = written.filter((_, at) => keep[at]).join('\n');
        startAtFirstKeptLine(child, keep.indexOf(true), lines);
        startsLine = child.value === '' ? startsLine : child.value.endsWith('\n');
      } else startsLine = child.type === 'break';
    }
    if (labels.length === 0 && node.children.every((child) => child.type !== 'text' || child.value !== '')) return;
    node.children = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
    const first = node.children[0];
    if (first?.type === 'text') first.value = first.value.replace(/^\n+/, '');
    const anchors = labels.map((label) => labelAnchor(label, node.position));
    const replacement = node.children.length > 0 ? [...anchors, node] : anchors;
    (parent.children as RootContent[]).splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}

/**
 * A text whose first `dropped` lines (a target, a comment) went starts where
 * its first kept line does: the math pass reads a paragraph back from the
 * source between its children's positions, and would bring them back.
 */
function startAtFirstKeptLine(text: Text, dropped: number, lines: readonly string[]): void {
  const start = text.position?.start;
  if (!start || !text.position || dropped <= 0) return;
  const line = start.line + dropped;
  const written = lines[line - 1] ?? '';
  text.position = {...text.position, start: {line, column: written.length - written.trimStart().length + 1}};
}

/**
 * The node Docusaurus's own admonitions plugin makes of `:::note[Title]`: a
 * container directive rendered as the `admonition` MDX component (mapped by
 * the theme's MDXComponents) with `type` and `title` props.
 */
function admonitionNode(
  type: string,
  title: string | undefined,
  children: RootContent[],
  position: Position | undefined,
): RootContent {
  const node = {
    type: 'containerDirective',
    name: type,
    attributes: title ? {title} : {},
    children,
    data: {
      hName: 'admonition',
      hProperties: {type, ...(title ? {title} : {})},
    },
    ...(position ? {position} : {}),
  };
  return node as unknown as RootContent;
}

/**
 * Title and Markdown content of an admonition directive. For `{admonition}`
 * and `{dropdown}` the argument is the title, for the others it is the
 * content's first line (as in MyST). Of the options (`:class:` lines or a
 * `---` block), what Jupyter Book's themes show is kept: a dropdown
 * (`{dropdown}` itself, or `:class: dropdown`, with `:open:` to show it
 * expanded), and an `{admonition}`'s look from its class (`type`: `tip`,
 * `warning`, ...). `contentFirstLine` is the file line where the content
 * starts (0: unknown).
 */
function admonitionContent(
  directive: string,
  argument: string,
  body: string,
  bodyFirstLine: number,
): {
  title: string | undefined;
  content: string;
  contentFirstLine: number;
  collapsed: Collapsed | undefined;
  type: string | undefined;
} {
  const {code, options} = parseMystOptions(body);
  const skipped = code === '' ? 0 : body.split('\n').length - code.split('\n').length;
  const known = (line: number) => (bodyFirstLine === 0 ? 0 : line);
  const classes = typeof options['class'] === 'string' ? options['class'].split(/\s+/) : [];
  const collapsed: Collapsed | undefined =
    directive === 'dropdown' || classes.includes('dropdown') ? {open: 'open' in options} : undefined;
  // `{admonition} Title` with `:class: tip` looks like a tip (Jupyter Book's themes style it by its class).
  const styled =
    directive === 'admonition' ? classes.find((name) => MYST_ADMONITIONS[name] && name !== 'admonition') : undefined;
  const type = styled === undefined ? undefined : MYST_ADMONITIONS[styled]?.type;
  if (VERSION_DIRECTIVES.has(directive)) {
    const title = [MYST_ADMONITIONS[directive]?.title, argument].filter(Boolean).join(' ');
    return {title, content: code, contentFirstLine: known(bodyFirstLine + skipped), collapsed, type};
  }
  if (TITLED_DIRECTIVES.has(directive)) {
    const title = argument || MYST_ADMONITIONS[directive]?.title || 'Note';
    return {title, content: code, contentFirstLine: known(bodyFirstLine + skipped), collapsed, type};
  }
  // A collapsed one needs a summary: the admonition's title, as Docusaurus would show it (`Note`).
  const title =
    MYST_ADMONITIONS[directive]?.title ??
    (collapsed ? directive.charAt(0).toUpperCase() + directive.slice(1) : undefined);
  // The argument sits on the directive's own line, just above the body.
  if (argument)
    return {
      title,
      content: `${argument}\n${code}`,
      contentFirstLine: known(bodyFirstLine + skipped - 1),
      collapsed,
      type,
    };
  return {title, content: code, contentFirstLine: known(bodyFirstLine + skipped), collapsed, type};
}

/** A title's Markdown (`Show the *answer*`) as inline content; as text where the page's parser is not at hand. */
function inlineTitle(title: string, parseMarkdown: ((markdown: string) => Root) | undefined): PhrasingContent[] {
  const first = parseMarkdown?.(title).children[0];
  return first?.type === 'paragraph' ? stripPositions(first.children) : [{type: 'text', value: title}];
}

/** The title was parsed on its own: its positions are not the page's. */
function stripPositions<T extends Node>(nodes: T[]): T[] {
  for (const node of nodes) visit(node, (inner) => void delete inner.position);
  return nodes;
}

/** How a dropdown starts: collapsed, or expanded (`:open:`). */
interface Collapsed {
  open: boolean;
}

/**
 * A dropdown as the `details` MDX component (Docusaurus's Details, mapped
 * by the theme's MDXComponents) with its title as the `summary`, as a
 * `<details>` written in the page would be.
 */
function dropdownNode(
  title: PhrasingContent[],
  collapsed: Collapsed,
  children: RootContent[],
  position: Position | undefined,
): RootContent {
  const summary: RootContent = {
    type: 'mdxJsxFlowElement',
    name: 'summary',
    attributes: [],
    // Inline, as MDX reads `<summary>Title</summary>` written on one line.
    children: title as unknown as MdxJsxFlowElement['children'],
  };
  const details: RootContent = {
    type: 'mdxJsxFlowElement',
    name: 'details',
    attributes: collapsed.open ? [{type: 'mdxJsxAttribute', name: 'open', value: null}] : [],
    children: [summary, ...(children as MdxJsxFlowElement['children'])],
    // The notebook keeps the directive as written.
    data: {pyodocsFromMarkdown: true},
  };
  if (position) details.position = position;
  return details;
}

/**
 * How colon fences become admonitions: bodies parsed in the page's format
 * (nested colon fences included), unclosed fences reported.
 */
function colonFenceHandlers(
  parseMarkdown: (markdown: string) => Root,
  lines: readonly string[],
  problems: PageProblems,
): ColonFenceHandlers {
  const handlers: ColonFenceHandlers = {
    parse: (markdown, firstLine) => shiftLines(parseMarkdown(markdown).children, firstLine),
    admonition: (fence, body, bodyFirstLine) => {
      const position: Position = {
        start: {line: fence.openLine, column: 1},
        end: {line: fence.closeLine, column: (lines[fence.closeLine - 1]?.length ?? 0) + 1},
      };
      if (COLON_FENCE_LITERAL_DIRECTIVES.has(fence.directive)) {
        // Read like its backtick fence by the transform of that directive.
        return {type: 'code', lang: `{${fence.directive}}`, meta: fence.argument || null, value: body, position};
      }
      const {title, content, contentFirstLine, collapsed, type} = admonitionContent(
        fence.directive,
        fence.argument,
        body,
        bodyFirstLine,
      );
      const opener = {line: fence.openLine, column: 1};
      const inner: Root = {
        type: 'root',
        children: shiftLines(
          parseMarkdown(content).children,
          contentFirstLine,
          bodyColumnShift(lines, opener, fence.argument),
        ),
      };
      replaceColonFences(inner, lines, handlers, fence.openLine);
      return collapsed
        ? dropdownNode(inlineTitle(title ?? 'Details', parseMarkdown), collapsed, inner.children, position)
        : admonitionNode(type ?? MYST_ADMONITIONS[fence.directive]?.type ?? 'note', title, inner.children, position);
    },
    unclosed: (fence, column) => {
      problems.report(
        'pyodocs:unclosed-directive',
        `This :::{${fence.directive}} is never closed, so it would swallow the rest of the page. Add a line of at least as many colons (":::") where it ends.`,
        {line: fence.openLine, column},
      );
    },
  };
  return handlers;
}

/** Moves positions of content parsed from a fence body to where the body is in the file. */
function shiftLines(
  nodes: RootContent[],
  firstLine: number,
  columnShift: (fileLine: number) => number = () => 0,
): RootContent[] {
  const root: Root = {type: 'root', children: nodes};
  const move = (point: Point): Point => {
    const line = point.line + firstLine - 1;
    return {line, column: point.column + columnShift(line)};
  };
  visit(root, (node) => {
    if (!node.position) return;
    if (firstLine === 0) {
      delete node.position;
      return;
    }
    node.position = {start: move(node.position.start), end: move(node.position.end)};
  });
  return nodes;
}

/**
 * How far right of where their body text starts the lines of an admonition
 * fence sit in the file: the argument (the content's first line) after the
 * directive name on the fence's line; the body lines by the indentation
 * CommonMark removed from a fence at `fenceColumn`.
 */
function bodyColumnShift(
  lines: readonly string[],
  fence: {line: number; column: number} | undefined,
  argument: string,
): (fileLine: number) => number {
  return (fileLine) => {
    const text = lines[fileLine - 1] ?? '';
    if (fence && fileLine === fence.line) return Math.max(text.indexOf(argument, fence.column - 1), 0);
    const removable = (fence?.column ?? 1) - 1;
    if (/^[ \t>]*$/.test(text.slice(0, removable))) return removable;
    return Math.min(/^ */.exec(text)?.[0].length ?? 0, removable);
  };
}
