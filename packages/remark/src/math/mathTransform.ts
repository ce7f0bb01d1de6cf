import type {Code, Paragraph, Parent, PhrasingContent, Root, RootContent, Text} from 'mdast';
import type {InlineMath} from 'mdast-util-math';
import type {Position} from 'unist';
import {SKIP, visit} from 'unist-util-visit';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import {readDirectiveBody} from '../myst/directiveOptions.js';
import {mystDirectiveName} from '../myst/mystAdmonitions.js';
import {roleBefore} from '../myst/mystRoles.js';
import type {PageContext} from '../page/PageContext.js';
import {SourceLines} from '../source/SourceLines.js';
import {
  displayMathPlaceholder,
  equationReferencePlaceholder,
  inlineMathPlaceholder,
  type MathPlaceholderData,
} from './mathPlaceholders.js';
import {joinDisplayMathBlocks} from './joinDisplayMathBlocks.js';
import {reparseWithMath} from './reparseWithMath.js';
import {trimInlineEdges} from './trimInlineEdges.js';

const MATH_DIRECTIVE_OPTIONS = ['label', 'name', 'nowrap', 'class'];
const MATH_ROLES = ['math', 'eq'] as const;
/** amsmath environments KaTeX typesets, written as a paragraph of their own (MyST's `amsmath` extension). */
const AMSMATH_BLOCK =
  /^\\begin\{(equation|gather|align|alignat|matrix|pmatrix|bmatrix|Bmatrix|vmatrix|Vmatrix)(\*?)\}[\s\S]*\\end\{\1\2\}$/;
/** `(label)` right after a `$$…$$` block. */
const DOLLAR_LABEL = /^[ \t]*\(([^()\n]+)\)[ \t]*(?=\r?\n|$)/;

/**
 * Finds the math of one source (the page, or a file it includes) on pages
 * with math on, exactly as written: `$…$`, `$$…$$` (a block on lines of its
 * own, with an optional `(label)` after it), amsmath `\begin{align}…` blocks,
 * the `{math}` role and directive (`:label:`), and `{eq}` references. Each
 * becomes a placeholder; `typesetPageMath` typesets them all once the
 * page's labels are known.
 */
export function mathTransform(tree: Root, page: PageContext): void {
  if (!page.math || !page.parseMarkdown) return;
  const parseMarkdown = page.parseMarkdown;
  const lines = new SourceLines(page.source);
  const parseWithMath = (markdown: string) => parseMarkdown(markdown, {math: true});
  const definitions = definitionLines(tree);
  for (const math of joinDisplayMathBlocks(tree, lines, (markdown) => parseMarkdown(markdown)))
    placeMath(math, page, lines);

  visit(tree, (node, index, parent) => {
    if (!parent || typeof index !== 'number') return;
    const siblings = parent.children as RootContent[];
    if (node.type === 'code' && mystDirectiveName(node.lang) === 'math') {
      const math = mathDirective(node, page, lines);
      if (math) siblings.splice(index, 1, math);
      return SKIP;
    }
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
    // Typeset by an earlier run of the plugin on this tree.
    if (holdsTypesetMath(node)) return SKIP;

    if (node.type === 'paragraph') {
      const amsmath = amsmathBlock(node, page, lines);
      if (amsmath) {
        siblings.splice(index, 1, amsmath);
        return SKIP;
      }
    }
    const children = reparseWithMath(node.children, lines, parseWithMath, definitions);
    if (!children) return SKIP;
    node.children = children;
    const blocks = node.type === 'paragraph' ? splitDisplayMath(node, lines) : [node];
    for (const block of blocks) placeMath(block, page, lines);
    siblings.splice(index, 1, ...blocks);
    return [SKIP, index + blocks.length];
  });
  findRoles(tree.children, page, lines);
}

/** ```` ```{math} ```` (or `:::{math}`): display math, with `:label:`, `:nowrap:`, `:class:`. */
function mathDirective(node: Code, page: PageContext, lines: SourceLines): RootContent | undefined {
  const start = node.position?.start;
  const body = readDirectiveBody(
    'math',
    node.value,
    MATH_DIRECTIVE_OPTIONS,
    start && {bodyLine: start.line + 1, column: start.column},
    page.problems,
  );
  if (body.invalid) return undefined;
  const option = (name: string) => body.options.find((candidate) => candidate.name === name);
  const argument = node.meta?.trim() ?? '';
  // Sphinx: the argument is the first equation, then the content.
  const tex = [argument, body.content].filter((part) => part.trim() !== '').join('\n\n');
  const contentLine = start ? start.line + 1 + (node.value.split('\n').length - body.content.split('\n').length) : 0;
  const math = displayMathPlaceholder({
    tex,
    display: true,
    label: option('label')?.value ?? option('name')?.value,
    nowrap: option('nowrap') !== undefined,
    className: option('class')?.value,
    place: start && {line: start.line, column: start.column},
    texPlace: (index) => {
      if (!start) return undefined;
      // The argument sits on the fence's line; the content starts below the options.
      const inArgument = argument !== '' && index < argument.length;
      const before = inArgument ? '' : tex.slice(argument === '' ? 0 : argument.length + 2, index);
      if (inArgument) {
        const column = lines.line(start.line).indexOf(argument) + 1;
        return {line: start.line, column: column + index};
      }
      const row = before.split('\n');
      return {line: contentLine + row.length - 1, column: start.column + (row.at(-1)?.length ?? 0)};
    },
    problems: page.problems,
    original: [node],
  });
  if (node.position) math.position = node.position;
  math.data = {...math.data, pyodocsFromMarkdown: true};
  return math;
}

/** A paragraph that is one amsmath environment, as display math typeset as written. */
function amsmathBlock(node: Paragraph, page: PageContext, lines: SourceLines): RootContent | undefined {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end) return undefined;
  const from = lines.offsetOf(start);
  const raw = lines.text.slice(from, lines.offsetOf(end));
  if (!raw.startsWith('\\begin{')) return undefined;
  const tex = raw.replace(/(\r?\n)[ \t>]*/g, '$1').trim();
  if (!AMSMATH_BLOCK.test(tex)) return undefined;
  const math = displayMathPlaceholder({
    tex,
    display: true,
    nowrap: true,
    place: {line: start.line, column: start.column},
    texPlace: (index) => pointAtText(lines, from, raw, tex, index),
    problems: page.problems,
    original: [node],
  });
  math.position = node.position as Position;
  math.data = {...math.data, pyodocsFromMarkdown: true};
  return math;
}

/**
 * A paragraph split around the `$$…$$` math that stands on lines of its own
 * (MyST's display math, which may interrupt a paragraph): the text before,
 * the display math (with the `(label)` that follows it), the text after.
 */
function splitDisplayMath(paragraph: Paragraph, lines: SourceLines): RootContent[] {
  const result: RootContent[] = [];
  let current: PhrasingContent[] = [];
  const flush = () => {
    trimInlineEdges(current);
    if (current.length > 0) result.push(paragraphOf(current, paragraph));
    current = [];
  };
  const children = paragraph.children;
  for (let index = 0; index < children.length; index += 1) {
    const node = children[index] as PhrasingContent;
    if (node.type !== 'inlineMath' || !isDoubleDollar(node, lines)) {
      current.push(node);
      continue;
    }
    const previous = current.at(-1);
    const next = children[index + 1];
    const label = next?.type === 'text' ? DOLLAR_LABEL.exec(next.value) : null;
    const startsLine =
      !previous || previous.type === 'break' || (previous.type === 'text' && /\n[ \t]*$/.test(previous.value));
    const endsLine =
      !next ||
      next.type === 'break' ||
      (next.type === 'text' && (label !== null || /^[ \t]*(\r?\n|$)/.test(next.value)));
    if (!startsLine || !endsLine) {
      current.push(node);
      continue;
    }
    flush();
    const display: RootContent = {type: 'math', value: node.value, data: {pyodocsDollarLabel: label?.[1]?.trim()}};
    if (node.position) display.position = node.position;
    result.push(display);
    if (next?.type === 'text') {
      const rest = next.value.slice(label ? label[0].length : 0).replace(/^[ \t]*\r?\n/, '');
      if (rest === '') index += 1;
      else children[index + 1] = {...next, value: rest};
    }
  }
  flush();
  if (result.length === 1 && result[0]?.type === 'paragraph') return [paragraph];
  return result;
}

declare module 'mdast' {
  interface Data {
    /** The `(label)` written after a `$$…$$` block, until it becomes a placeholder. */
    pyodocsDollarLabel?: string | undefined;
  }
}

/** Turns the `inlineMath` (and split-off `math`) nodes in and at `node` into placeholders. */
function placeMath(node: RootContent, page: PageContext, lines: SourceLines): void {
  const convert = (math: InlineMath | RootContent, display: boolean): MathPlaceholderData | undefined => {
    if (math.type !== 'inlineMath' && math.type !== 'math') return undefined;
    if (math.data?.pyodocsMath) return undefined;
    const start = math.position?.start;
    const end = math.position?.end;
    const from = start ? lines.offsetOf(start) : undefined;
    const raw = from !== undefined && end ? lines.text.slice(from, lines.offsetOf(end)) : undefined;
    const written = raw ?? `$${math.value}$`;
    const original: Text = {type: 'text', value: written};
    return {
      tex: math.value,
      display: display || (raw?.startsWith('$$') ?? false),
      label: math.data?.pyodocsDollarLabel,
      place: start && {line: start.line, column: start.column},
      texPlace: (index) => (from !== undefined && raw ? pointAtText(lines, from, raw, math.value, index) : start),
      problems: page.problems,
      original: display ? [{type: 'paragraph', children: [original]}] : [original],
    };
  };
  if (node.type === 'math') {
    const data = convert(node, true);
    if (data) node.data = {...node.data, pyodocsMath: data, pyodocsFromMarkdown: true};
    return;
  }
  visit(node, 'inlineMath', (math, index, parent) => {
    const data = convert(math, false);
    if (!data || !parent || typeof index !== 'number') return;
    const placeholder = inlineMathPlaceholder(data);
    if (math.position) placeholder.position = math.position;
    parent.children.splice(index, 1, placeholder);
  });
}

/**
 * The `{math}` and `{eq}` roles: text ending in `{math}` (in MDX, the
 * expression `{math}`) right before inline code. `{math}` becomes inline
 * math, `{eq}` a reference to a labelled equation.
 */
function findRoles(nodes: readonly RootContent[], page: PageContext, lines: SourceLines): void {
  for (const top of nodes) {
    visit(top, (parent) => {
      if (!('children' in parent)) return;
      const children = parent.children as PhrasingContent[];
      for (let index = 1; index < children.length; index += 1) {
        const role = roleBefore(children[index - 1], MATH_ROLES);
        const code = children[index];
        if (!role || code?.type !== 'inlineCode') continue;
        const start = code.position?.start;
        const place = start && {line: start.line, column: start.column};
        const replacement: PhrasingContent =
          role.name === 'math'
            ? inlineMathPlaceholder({
                tex: code.value,
                display: false,
                place,
                texPlace: (at) => {
                  if (!start) return undefined;
                  const from = lines.offsetOf(start);
                  const ticks = /^`+/.exec(lines.text.slice(from))?.[0].length ?? 1;
                  const raw = lines.text.slice(from + ticks, from + ticks + code.value.length + 2);
                  return pointAtText(lines, from + ticks, raw, code.value, at);
                },
                problems: page.problems,
                original: [{type: 'text', value: `{math}`}, code],
              })
            : equationReferencePlaceholder({
                label: code.value.trim(),
                place,
                problems: page.problems,
                original: [{type: 'text', value: `{eq}`}, code],
              });
        if (code.position) replacement.position = code.position;
        const before = role.rest;
        children.splice(index - 1, 2, ...(before ? [before] : []), replacement);
        if (!before) index -= 1;
      }
    });
  }
}

function holdsTypesetMath(node: Parent): boolean {
  let found = false;
  visit(node, 'mdxJsxTextElement', (element) => {
    if (
      element.attributes.some(
        (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'data-pyodocs-math',
      )
    ) {
      found = true;
    }
  });
  return found;
}

function isDoubleDollar(node: InlineMath, lines: SourceLines): boolean {
  const start = node.position?.start;
  return start !== undefined && lines.text.startsWith('$$', lines.offsetOf(start));
}

function paragraphOf(children: PhrasingContent[], from: Paragraph): Paragraph {
  const paragraph: Paragraph = {type: 'paragraph', children};
  const start = children[0]?.position?.start ?? from.position?.start;
  const end = children.at(-1)?.position?.end ?? from.position?.end;
  if (start && end) paragraph.position = {start, end};
  return paragraph;
}

/** Where `tex[index]` is in the source, given the source text `raw` at `from` that holds it. */
function pointAtText(lines: SourceLines, from: number, raw: string, tex: string, index: number): SourcePoint {
  const at = raw.indexOf(tex.split('\n')[0] ?? '');
  const texLines = tex.slice(0, index).split('\n');
  if (at < 0) {
    const point = lines.pointAt(from);
    return {line: point.line, column: point.column};
  }
  const start = lines.pointAt(from + at);
  if (texLines.length === 1) return {line: start.line, column: start.column + index};
  // Later lines: the column within the line (container prefixes are not in `tex`).
  const line = start.line + texLines.length - 1;
  const prefix = /^[ \t>]*/.exec(lines.line(line))?.[0].length ?? 0;
  return {line, column: prefix + (texLines.at(-1)?.length ?? 0) + 1};
}

/**
 * The page's link and footnote definitions, as lines to append to text
 * parsed on its own, so `[text][ref]` next to math parses as the link it is.
 */
function definitionLines(tree: Root): string {
  const found: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'definition') found.push(`[${node.label ?? node.identifier}]: #`);
    if (node.type === 'footnoteDefinition') found.push(`[^${node.label ?? node.identifier}]: .`);
  });
  return found.join('\n');
}
