import type {Code, Heading, Root, RootContent} from 'mdast';
import type {Point, Position} from 'unist';
import {SKIP, visit} from 'unist-util-visit';
import {readIncludedFile} from '../files/readIncludedFile.js';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import {fenceMetaPlace} from '../meta/fenceMetaPlace.js';
import {type DirectiveOption, readDirectiveBody} from '../myst/directiveOptions.js';
import {mystDirectiveName} from '../myst/mystAdmonitions.js';
import type {PageContext} from '../page/PageContext.js';
import {SourceLines} from '../source/SourceLines.js';
import {type IncludedText, SelectionError, selectIncludedText} from './selectIncludedText.js';

declare module 'mdast' {
  interface Data {
    /** A node from an included file: its Markdown as written there, for the page's notebook. */
    pyodocsNotebookSource?: string;
  }
}

const INCLUDE_OPTIONS = [
  'literal',
  'code',
  'start-line',
  'end-line',
  'lines',
  'start-after',
  'end-before',
  'number-lines',
  'heading-offset',
  'encoding',
  'name',
  'class',
];
/** Options MyST knows that pyodocs does not implement: reported, never silently ignored. */
const UNSUPPORTED_OPTIONS: Readonly<Record<string, string>> = {
  'relative-images': 'image paths in the included file are not rewritten',
  'relative-docs': 'links in the included file are not rewritten',
  'tab-width': 'tabs are kept as they are',
  parser: 'the file is parsed as Markdown (or as code with :code:)',
};

/**
 * MyST's `{include}` directive (```` ```{include} path ```` or
 * `:::{include} path`): the file, relative to the including file, replaces
 * the directive. With `:literal:` or `:code: LANG` it is a static code block;
 * otherwise it is parsed in the page's format and transformed as the page is
 * (`transformIncluded`), so cells in it become cells. Problems (a missing
 * file, an unknown option, a marker not found) are reported with their
 * place; the directive then stays as written. Every file read is recorded in
 * `page.includes`; every file tried, found or not, is told to `onFileRead`
 * at once (the page may fail later).
 */
export function includeTransform(
  tree: Root,
  page: PageContext,
  transformIncluded: (tree: Root, page: PageContext) => void,
): void {
  visit(tree, 'code', (node, index, parent) => {
    if (mystDirectiveName(node.lang) !== 'include' || !parent || typeof index !== 'number') return;
    const replacement = includedNodes(node, page, transformIncluded);
    if (!replacement) return;
    (parent.children as RootContent[]).splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}

/** What replaces the directive, or undefined (problems reported) to leave it as written. */
function includedNodes(
  node: Code,
  page: PageContext,
  transformIncluded: (tree: Root, page: PageContext) => void,
): RootContent[] | undefined {
  const start = node.position?.start;
  const argumentPlace = fenceMetaPlace(page.source, node)(0);
  const report = (message: string, place: SourcePoint | undefined = argumentPlace) =>
    page.problems.report('pyodocs:invalid-include', message, place);

  const target = node.meta?.trim() ?? '';
  if (target === '') {
    report(
      'This {include} names no file. Write the path after the directive, relative to this file: ```{include} ../README.md',
    );
    return undefined;
  }
  const body = readDirectiveBody(
    'include',
    node.value,
    [...INCLUDE_OPTIONS, ...Object.keys(UNSUPPORTED_OPTIONS)],
    start && {bodyLine: start.line + 1, column: start.column},
    page.problems,
  );
  if (body.invalid) return undefined;
  if (body.content.trim() !== '') {
    report('{include} takes no content, only options such as :start-after: TEXT. Remove the lines after the options.');
    return undefined;
  }
  const options = readIncludeOptions(body.options, report);
  if (!options) return undefined;

  const file = readIncludedFile(target, page.filePath, page.cwd);
  const outermostPage = page.includeStack[0];
  if (file.path && outermostPage) {
    page.options.onFileRead?.({page: outermostPage, file: file.path, exists: file.ok || file.reason !== 'missing'});
  }
  if (!file.ok) {
    const shown = file.path && relativeTo(page.cwd, file.path);
    const reason =
      file.reason === 'missing'
        ? `there is no file ${shown}`
        : file.reason === 'folder'
          ? `${shown} is a folder`
          : file.reason;
    report(`Cannot include "${target}": ${reason}. The path is relative to the folder of this file.`);
    return undefined;
  }
  if (page.includeStack.includes(file.path)) {
    report(
      `Cannot include "${target}": ${relativeTo(page.cwd, file.path)} is already being included, so it would include itself forever.`,
    );
    return undefined;
  }
  page.includes.add(file.path);

  let selected: IncludedText;
  try {
    selected = selectIncludedText(file.text, options.selection);
  } catch (error) {
    if (!(error instanceof SelectionError)) throw error;
    report(`{include} "${target}": option "${error.option}": ${error.message}.`, options.places[error.option]);
    return undefined;
  }

  if (options.literal || options.code !== undefined) {
    const code: Code = {
      type: 'code',
      lang: options.code || null,
      meta: options.numberLines === undefined ? null : `showLineNumbers=${options.numberLines}`,
      value: selected.text.replace(/\r?\n$/, ''),
    };
    if (node.position) code.position = node.position;
    return [code];
  }

  if (!page.parseMarkdown) {
    report('{include} of Markdown needs the processor that parses the page; use the plugin in a unified pipeline.');
    return undefined;
  }
  let included: Root;
  try {
    included = page.parseMarkdown(selected.text);
  } catch (error) {
    // Only MDX's parser rejects input: the page is MDX, the file is not.
    report(
      `Cannot include "${target}": it is not valid MDX, the format this page is read in (${placeInIncluded(error, selected, file.text, target)}${firstLine(error)}). Include it from a page read as CommonMark (in Docusaurus: a .md page with \`mdx: {format: md}\` in its front matter), or make the file valid MDX (escape its \`{\`, \`<\` and <https://…> links).`,
    );
    return undefined;
  }
  included.children = included.children.filter((child) => child.type !== 'yaml' && (child.type as string) !== 'toml');
  placeInFile(included, selected, file.text);
  if (options.headingOffset > 0) {
    visit(included, 'heading', (heading: Heading) => {
      heading.depth = Math.min(heading.depth + options.headingOffset, 6) as Heading['depth'];
    });
  }

  const includedAt = page.includedAt ?? start;
  const madeBefore = new Set(page.blocks.keys());
  transformIncluded(included, {
    ...page,
    source: file.text,
    filePath: file.path,
    problems: page.problems.forIncludedFile(relativeTo(page.cwd, file.path), argumentPlace),
    includeStack: [...page.includeStack, file.path],
    includedAt: includedAt && {line: includedAt.line, column: includedAt.column},
  });
  // Blocks from the file are at the directive, as far as the page knows.
  for (const [element, block] of page.blocks) {
    if (madeBefore.has(element)) continue;
    if (includedAt) block.cell.position = {line: includedAt.line, column: includedAt.column};
    else delete block.cell.position;
  }
  const fileLines = new SourceLines(file.text);
  for (const child of included.children) {
    if (!child.position) continue;
    const text = file.text.slice(fileLines.offsetOf(child.position.start), fileLines.offsetOf(child.position.end));
    child.data = {...child.data, pyodocsNotebookSource: text};
  }
  // Positions index the page's source from here on; these nodes are not in it.
  visit(included, (child) => {
    delete child.position;
  });
  // Blocks are at the directive, for a second run of the plugin too.
  for (const [element] of page.blocks) {
    if (!madeBefore.has(element) && includedAt) element.position = {start: includedAt, end: includedAt};
  }
  return included.children;
}

interface IncludeOptions {
  selection: {startLine?: number; endLine?: number; lines?: string; startAfter?: string; endBefore?: string};
  literal: boolean;
  /** `:code: LANG` (`''` without a language). */
  code: string | undefined;
  /** `:number-lines:` start, for the code block. */
  numberLines: number | undefined;
  headingOffset: number;
  places: Partial<Record<'start-after' | 'end-before' | 'lines', SourcePoint | undefined>>;
}

/** The options' values checked; undefined (problems reported) when one is wrong. */
function readIncludeOptions(
  options: readonly DirectiveOption[],
  report: (message: string, place?: SourcePoint) => void,
): IncludeOptions | undefined {
  const result: IncludeOptions = {
    selection: {},
    literal: false,
    code: undefined,
    numberLines: undefined,
    headingOffset: 0,
    places: {},
  };
  let ok = true;
  const integer = (option: DirectiveOption, pattern: RegExp, what: string): number | undefined => {
    if (option.value !== undefined && pattern.test(option.value.trim())) return Number(option.value.trim());
    report(
      `The "${option.name}" option of {include} needs ${what}, got ${JSON.stringify(option.value ?? '')}.`,
      option.place,
    );
    ok = false;
    return undefined;
  };
  const text = (option: DirectiveOption): string | undefined => {
    if (option.value !== undefined && option.value !== '') return option.value;
    report(
      `The "${option.name}" option of {include} needs the text to look for, as in :${option.name}: <!-- marker -->.`,
      option.place,
    );
    ok = false;
    return undefined;
  };
  for (const option of options) {
    switch (option.name) {
      case 'literal':
        result.literal = true;
        break;
      case 'code':
        result.code = option.value?.trim() ?? '';
        break;
      case 'start-line':
        result.selection.startLine = integer(option, /^-?\d+$/, 'a line number (0 is the first line)');
        break;
      case 'end-line':
        result.selection.endLine = integer(option, /^-?\d+$/, 'a line number (0 is the first line)');
        break;
      case 'lines':
        result.selection.lines = text(option);
        result.places.lines = option.place;
        break;
      case 'start-after':
        result.selection.startAfter = text(option);
        result.places['start-after'] = option.place;
        break;
      case 'end-before':
        result.selection.endBefore = text(option);
        result.places['end-before'] = option.place;
        break;
      case 'number-lines':
        result.numberLines = option.value === undefined ? 1 : integer(option, /^\d+$/, 'the number of the first line');
        break;
      case 'heading-offset':
        result.headingOffset = integer(option, /^\d+$/, 'a number of levels (0 or more)') ?? 0;
        break;
      case 'encoding':
        if (!/^utf-?8(-sig)?$/i.test(option.value?.trim() ?? '')) {
          report(
            `{include} reads files as UTF-8 only, got encoding ${JSON.stringify(option.value ?? '')}. Save the file as UTF-8 and remove the option.`,
            option.place,
          );
          ok = false;
        }
        break;
      case 'name':
      case 'class':
        // Sphinx targets and HTML classes: nothing to do on a Docusaurus page.
        break;
      default: {
        const why = UNSUPPORTED_OPTIONS[option.name];
        report(`pyodocs does not support the "${option.name}" option of {include} (${why}). Remove it.`, option.place);
        ok = false;
      }
    }
  }
  return ok ? result : undefined;
}

/** Moves the positions of nodes parsed from the selected text to where that text is in the file. */
function placeInFile(tree: Root, selected: IncludedText, fileText: string): void {
  const lines = new SourceLines(fileText);
  const toFile = (point: Point): Point => lines.pointAt(selected.fileOffset(point.offset ?? 0));
  visit(tree, (node) => {
    if (!node.position) return;
    const position: Position = {start: toFile(node.position.start), end: toFile(node.position.end)};
    node.position = position;
  });
}

function relativeTo(cwd: string, path: string): string {
  return cwd && path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}

/** Where in the included file its parser stopped (`file:line:col: `), when the error says. */
function placeInIncluded(error: unknown, selected: IncludedText, fileText: string, target: string): string {
  const place = (error as {place?: Point | {start?: Point}} | null)?.place;
  const point = place && 'start' in place ? place.start : (place as Point | undefined);
  if (point?.offset === undefined) return '';
  const {line, column} = new SourceLines(fileText).pointAt(selected.fileOffset(point.offset));
  return `${target}:${line}:${column}: `;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
