import type {Nodes, Parents, Root} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {mathFromMarkdown} from 'mdast-util-math';
import {math} from 'micromark-extension-math';
import {COLON_FENCE_OPENER, findCloser} from './mystColonFences.js';

/** A role whose content is prose the page shows as written (`{term}`, `{kbd}`…); other roles' content is a target or TeX. */
const TEXT_ROLES: ReadonlySet<string> = new Set([
  'abbr',
  'command',
  'dfn',
  'file',
  'guilabel',
  'kbd',
  'menuselection',
  'program',
  'samp',
  'sub',
  'sup',
  'term',
]);

/** A whole line that is MyST markup: a `+++` block break, a `(label)=` target, a `%` comment. */
const MARKER_LINE = /^[ \t]*(\+\+\+[ \t]*(\{.*\})?[ \t]*|\([^()\s][^()]*\)=[ \t]*|%.*)$/;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The Markdown of a MyST notebook (after its front matter) with the MyST
 * markup that is not prose taken out, everything else byte for byte: for
 * tools that read a page's raw Markdown instead of its tree, such as
 * Docusaurus, which takes a page's title and description from the first
 * heading and paragraph of the raw text (issue 11: `(label)=` above the h1
 * hid the title, `+++` and `$…$` became descriptions).
 *
 * Taken out: `+++` block breaks, `(label)=` targets and `%` comments;
 * directives, fenced with backticks or colons (cells, admonitions, math;
 * an excerpt is the page's own prose); `$…$` and `$$…$$` math; role markup
 * (`{math}` and cross-reference roles go, the text of `{term}`-like roles
 * and an explicit title `{ref}`Title <target>`` stay).
 */
export function mystProseSource(markdown: string): string {
  const tree = fromMarkdown(markdown, {extensions: [math()], mdastExtensions: [mathFromMarkdown()]});
  const edits: Edit[] = [...markupLines(markdown, tree), ...inlineMarkup(tree)];
  return applyEdits(markdown, edits);
}

/** Marker lines and colon-fenced directives, found in the lines outside code and display math. */
function* markupLines(markdown: string, tree: Root): Generator<Edit> {
  const lines = markdown.split('\n');
  // Offsets count the \r of CRLF lines; the patterns see lines without it.
  const bare = lines.map((line) => line.replace(/\r$/, ''));
  const lineStart: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStart.push(offset);
    offset += line.length + 1;
  }
  const wholeLines = (from: number, to: number): Edit => ({
    start: lineStart[from - 1] ?? markdown.length,
    end: Math.min(lineStart[to] ?? markdown.length, markdown.length),
    text: '',
  });
  const literal = new Set<number>();
  for (const node of tree.children) {
    if ((node.type === 'code' || node.type === 'math' || node.type === 'html') && node.position) {
      for (let line = node.position.start.line; line <= node.position.end.line; line += 1) literal.add(line);
    }
  }
  for (let line = 1; line <= lines.length; line += 1) {
    if (literal.has(line)) continue;
    const text = bare[line - 1] ?? '';
    const opener = COLON_FENCE_OPENER.exec(text);
    if (opener) {
      const close = findCloser(bare, line, opener[1]?.length ?? 3);
      if (close !== undefined) {
        yield wholeLines(line, close);
        line = close;
        continue;
      }
    }
    if (MARKER_LINE.test(text)) yield wholeLines(line, line);
  }
}

/** Directive fences, math, and roles, from the tree. */
function* inlineMarkup(tree: Root): Generator<Edit> {
  const found: Edit[] = [];
  const visitNode = (node: Nodes): void => {
    const place = node.position;
    if (node.type === 'code' && /^\{[A-Za-z][\w-]*\}$/.test(node.lang ?? '') && place) {
      found.push({start: place.start.offset ?? 0, end: place.end.offset ?? 0, text: ''});
      return;
    }
    if ((node.type === 'math' || node.type === 'inlineMath') && place) {
      found.push({start: place.start.offset ?? 0, end: place.end.offset ?? 0, text: ''});
      return;
    }
    if ('children' in node) {
      rolesOf(node, found);
      for (const child of node.children) visitNode(child);
    }
  };
  visitNode(tree);
  yield* found;
}

/** `{name}` at the end of a text node, right before inline code: a MyST role. */
function rolesOf(parent: Parents, found: Edit[]): void {
  parent.children.forEach((node, index) => {
    const code = parent.children[index + 1];
    if (node.type !== 'text' || code?.type !== 'inlineCode' || !node.position || !code.position) return;
    const role = /\{([A-Za-z][\w:+.-]*)\}$/.exec(node.value);
    const end = node.position.end.offset;
    if (!role || end === undefined || end !== code.position.start.offset) return;
    found.push({
      start: end - role[0].length,
      end: code.position.end.offset ?? end,
      text: roleText(role[1] ?? '', code.value),
    });
  });
}

/** What a role shows as prose: an explicit title, or the content of a text role; else nothing. */
function roleText(name: string, content: string): string {
  const titled = /^(.*\S)\s*<[^<>]*>$/s.exec(content);
  if (titled && name !== 'math') return titled[1] ?? '';
  if (name === 'abbr') return content.replace(/\s*\([^()]*\)\s*$/, '');
  return TEXT_ROLES.has(name) ? content : '';
}

/** Applies non-overlapping edits (the first of two that overlap wins; whole lines come first), tidying the space a removal leaves before punctuation. */
function applyEdits(markdown: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    let kept = markdown.slice(at, edit.start);
    if (edit.text === '' && /^[ \t\n,.;:!?)]?$/.test(markdown.charAt(edit.end))) kept = kept.replace(/[ \t]+$/, '');
    result += kept + edit.text;
    at = edit.end;
  }
  return result + markdown.slice(at);
}
