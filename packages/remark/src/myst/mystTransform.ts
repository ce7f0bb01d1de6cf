import type {Code, Paragraph, Root, RootContent} from 'mdast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {readPageSettings} from '../frontMatter/readPageSettings.js';
import {PageProblems} from '../problems/PageProblems.js';
import {MYST_ADMONITIONS, mystDirectiveName} from './mystAdmonitions.js';
import {parseMystOptions} from './mystCellOptions.js';
import {pageKernelLanguage} from './pageKernel.js';

/** What a `{code-cell}` fence tells the python cells transform (set on `code.data.pyodocsCell`). */
export interface MystCellData {
  /** False for `skip-execution`: shown as static code. */
  runnable: boolean;
  /** The cell's MyST tags, unknown ones included. */
  tags: string[];
}

declare module 'mdast' {
  interface CodeData {
    pyodocsCell?: MystCellData;
  }
}

export interface MystTransformOptions {
  /**
   * Parses the body of an admonition directive into block content, in the
   * page's own format (the plugin passes the processor's Markdown or MDX
   * parser). Without it the body becomes one plain-text paragraph.
   */
  parseMarkdown?: ((markdown: string) => Root) | undefined;
  /** As `RemarkPythonCellsOptions.onError`. @default 'throw' */
  onError?: 'throw' | 'warn' | undefined;
}

const PYTHON_LANGUAGES = new Set(['python', 'python3', 'ipython', 'ipython3', 'py', 'pyodide']);

/**
 * MyST Markdown notebooks (jupytext `format_name: myst`): `{code-cell}` fences
 * become python fences marked for the cells transform (with their tags),
 * `+++` block breaks disappear, and MyST admonition directives written as
 * fences (```` ```{note} ````) become Docusaurus admonitions.
 */
export function mystTransform(tree: Root, file: VFile, options?: MystTransformOptions): void {
  const problems = new PageProblems(file);
  const source = String(file.value ?? '');
  removeBlockBreaks(tree);
  const pageEnabled = readPageSettings(tree, file).settings.enabled;
  const kernel = pageKernelLanguage(tree, file);

  visit(tree, 'code', (node, index, parent) => {
    const directive = mystDirectiveName(node.lang);
    if (!directive || !parent || typeof index !== 'number') return;
    const siblings = parent.children as RootContent[];

    const admonition = MYST_ADMONITIONS[directive];
    if (admonition) {
      const {code: body} = parseMystOptions(node.value);
      const argument = node.meta?.trim() ?? '';
      let title = admonition.title;
      let content = body;
      if (directive === 'admonition') title = argument || 'Note';
      else if (argument) content = `${argument}\n${body}`;
      const children = options?.parseMarkdown
        ? shiftLines(options.parseMarkdown(content).children, bodyFirstLine(node, source))
        : [{type: 'paragraph', children: [{type: 'text', value: content}]} as Paragraph];
      siblings.splice(index, 1, admonitionNode(admonition.type, title, children, node));
      return index; // visit the admonition's content too (nested cells)
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
    const language = argument || kernel || 'python';
    if (!PYTHON_LANGUAGES.has(language)) {
      if (pageEnabled) {
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
    if (parsed.tags.includes('remove-cell')) {
      siblings.splice(index, 1);
      return index;
    }
    const cell: Code = {
      type: 'code',
      lang: 'python',
      meta: null,
      value: parsed.code,
      data: {
        ...node.data,
        pyodocsCell: {runnable: !parsed.tags.includes('skip-execution'), tags: parsed.tags},
      },
    };
    if (node.position) cell.position = node.position;
    siblings.splice(index, 1, cell);
    return undefined;
  });

  if ((options?.onError ?? 'throw') === 'throw') problems.throwIfAny();
}

/**
 * Jupytext's `+++` (optionally followed by JSON metadata) separates markdown
 * cells; it has no meaning on a web page. In Markdown it parses as a
 * paragraph starting with `+++`; in MDX the JSON is an expression.
 */
function removeBlockBreaks(tree: Root): void {
  visit(tree, 'paragraph', (node, index, parent) => {
    if (!parent || typeof index !== 'number') return;
    const [first, second, ...rest] = node.children;
    if (first?.type !== 'text' || !/^\+\+\+[ \t]*(\{[^\n]*\})?[ \t]*(\n|$)/.test(first.value)) return;
    let remaining = node.children.slice(1);
    let text = first.value.replace(/^\+\+\+[ \t]*(\{[^\n]*\})?[ \t]*(\n|$)/, '');
    if (text === '' && /^\+\+\+[ \t]*$/.test(first.value) && (second as {type: string} | undefined)?.type === 'mdxTextExpression') {
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
    return undefined;
  });
}

/**
 * The node Docusaurus's own admonitions plugin makes of `:::note[Title]`: a
 * container directive rendered as the `admonition` MDX component (mapped by
 * the theme's MDXComponents) with `type` and `title` props.
 */
function admonitionNode(type: string, title: string | undefined, children: RootContent[], from: Code): RootContent {
  const node = {
    type: 'containerDirective',
    name: type,
    attributes: title ? {title} : {},
    children,
    data: {
      hName: 'admonition',
      hProperties: {type, ...(title ? {title} : {})},
    },
    ...(from.position ? {position: from.position} : {}),
  };
  return node as unknown as RootContent;
}

/** 1-based line of the fence body's first line in the file (0 without positions). */
function bodyFirstLine(node: Code, _source: string): number {
  return node.position ? node.position.start.line + 1 : 0;
}

/** Moves positions of content parsed from a fence body to where the body is in the file. */
function shiftLines(nodes: RootContent[], firstLine: number): RootContent[] {
  const root: Root = {type: 'root', children: nodes};
  visit(root, (node) => {
    if (!node.position) return;
    if (firstLine === 0) {
      delete node.position;
      return;
    }
    node.position = {
      start: {line: node.position.start.line + firstLine - 1, column: node.position.start.column},
      end: {line: node.position.end.line + firstLine - 1, column: node.position.end.column},
    };
  });
  return nodes;
}
