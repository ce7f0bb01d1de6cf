/**
 * A TypeScript port of Python's `doctest.DocTestParser.get_examples` (the
 * same regular expressions and steps), so the build knows the examples of a
 * doctest block and its prompt-free source without starting Python. Its
 * results are tested against CPython's own parser.
 */

/** One `>>>` example, with the fields of `doctest.Example`. */
export interface DoctestExample {
  /** Source without prompts, ending with a newline. */
  source: string;
  /** Expected output, ending with a newline unless empty. */
  want: string;
  /** For an expected exception: the exception line(s) (`ValueError: bad\n`), else null. */
  excMsg: string | null;
  /** 0-based line of the `>>>` line within the block. */
  lineno: number;
  /** Spaces before the `>>>`. */
  indent: number;
  /** `# doctest: +ELLIPSIS` style directives, by flag name (true for `+`, false for `-`). */
  options: Record<string, boolean>;
}

/** Doctest's option flag names (`doctest.OPTIONFLAGS_BY_NAME`). */
export const DOCTEST_OPTION_FLAGS = [
  'DONT_ACCEPT_TRUE_FOR_1',
  'DONT_ACCEPT_BLANKLINE',
  'NORMALIZE_WHITESPACE',
  'ELLIPSIS',
  'SKIP',
  'IGNORE_EXCEPTION_DETAIL',
  'REPORT_UDIFF',
  'REPORT_CDIFF',
  'REPORT_NDIFF',
  'REPORT_ONLY_FIRST_FAILURE',
  'FAIL_FAST',
] as const;

const EXAMPLE_RE = /(^( *)>>>.*(?:\n *\.\.\..*)*)\n?((?:(?! *$)(?! *>>>).+$\n?)*)/gm;
const EXCEPTION_RE = /^Traceback \((?:most recent call last|innermost last)\):\s*$[\s\S]*?^([\p{L}\p{N}_]+[\s\S]*)/mu;
const IS_BLANK_OR_COMMENT = /^ *(#.*)?$/;
const OPTION_DIRECTIVE_RE = /#\s*doctest:\s*([^\n'"]*)$/gm;
const INDENT_RE = /^( *)(?=\S)/gm;

/**
 * What doctest raises ValueError for: `message` as CPython words it, `line`
 * the 0-based line of the block it is about, `problem` a short description
 * for an authoring message.
 */
export class DoctestSyntaxError extends Error {
  readonly line: number;
  readonly problem: string;

  constructor(message: string, line: number, problem: string) {
    super(message);
    this.name = 'DoctestSyntaxError';
    this.line = line;
    this.problem = problem;
  }
}

/** Parses a doctest block; throws a DoctestSyntaxError (as doctest raises ValueError) for malformed prompts or directives. */
export function parseDoctest(text: string, name = '<doctest>'): DoctestExample[] {
  let string = expandTabs(text);
  const indents = Array.from(string.matchAll(INDENT_RE), (match) => (match[1] ?? '').length);
  const minIndent = indents.length > 0 ? Math.min(...indents) : 0;
  if (minIndent > 0) {
    string = string
      .split('\n')
      .map((line) => line.slice(minIndent))
      .join('\n');
  }
  const examples: DoctestExample[] = [];
  let charno = 0;
  let lineno = 0;
  for (const match of string.matchAll(EXAMPLE_RE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    lineno += countNewlines(string.slice(charno, start));
    const indent = (match[2] ?? '').length;
    const sourceLines = (match[1] ?? '').split('\n');
    checkPromptBlank(sourceLines, indent, name, lineno);
    checkPrefix(sourceLines.slice(1), `${' '.repeat(indent)}.`, name, lineno, lineno + 1);
    let source = sourceLines.map((line) => line.slice(indent + 4)).join('\n');
    const wantLines = (match[3] ?? '').split('\n');
    if (wantLines.length > 1 && /^ *$/.test(wantLines[wantLines.length - 1] ?? '')) wantLines.pop();
    checkPrefix(wantLines, ' '.repeat(indent), name, lineno + sourceLines.length, lineno + sourceLines.length);
    let want = wantLines.map((line) => line.slice(indent)).join('\n');
    const exception = EXCEPTION_RE.exec(want);
    let excMsg = exception && exception.index === 0 ? (exception[1] ?? null) : null;
    const options = findOptions(source, name, lineno);
    if (!IS_BLANK_OR_COMMENT.test(source)) {
      if (!source.endsWith('\n')) source += '\n';
      if (want !== '' && !want.endsWith('\n')) want += '\n';
      if (excMsg !== null && !excMsg.endsWith('\n')) excMsg += '\n';
      examples.push({source, want, excMsg, lineno, indent: minIndent + indent, options});
    }
    lineno += countNewlines(match[0]);
    charno = end;
  }
  return examples;
}

/** The code a reader gets in the live cell: every example's source, prompts removed. */
export function doctestSourceCode(examples: readonly DoctestExample[]): string {
  return examples
    .map((example) => example.source)
    .join('')
    .replace(/\n$/, '');
}

function findOptions(source: string, name: string, lineno: number): Record<string, boolean> {
  const options: Record<string, boolean> = {};
  for (const match of source.matchAll(OPTION_DIRECTIVE_RE)) {
    for (const option of (match[1] ?? '').replaceAll(',', ' ').split(/\s+/).filter(Boolean)) {
      const flag = option.slice(1);
      if (!'+-'.includes(option[0] ?? '') || !(DOCTEST_OPTION_FLAGS as readonly string[]).includes(flag)) {
        throw new DoctestSyntaxError(
          `line ${lineno + 1} of the doctest for ${name} has an invalid option: '${option}'`,
          lineno,
          `"${option}" is not a doctest option (write +FLAG or -FLAG with one of ${DOCTEST_OPTION_FLAGS.join(', ')})`,
        );
      }
      options[flag] = option[0] === '+';
    }
  }
  if (Object.keys(options).length > 0 && IS_BLANK_OR_COMMENT.test(source)) {
    throw new DoctestSyntaxError(
      `line ${lineno} of the doctest for ${name} has an option directive on a line with no example: '${source}'`,
      lineno,
      'a "# doctest:" directive is on a line with no example',
    );
  }
  return options;
}

function checkPromptBlank(lines: string[], indent: number, name: string, lineno: number): void {
  lines.forEach((line, index) => {
    if (line.length >= indent + 4 && line[indent + 3] !== ' ') {
      const prompt = line.slice(indent, indent + 3);
      throw new DoctestSyntaxError(
        `line ${lineno + index + 1} of the docstring for ${name} lacks blank after ${prompt}: '${line}'`,
        lineno + index,
        prompt === '>>>' || prompt === '...'
          ? `"${prompt}" is not followed by a space`
          : 'a "..." line is not indented like its ">>>" line',
      );
    }
  });
}

/** `firstLine`: the 0-based line of `lines[0]` (CPython's messages count from `lineno` + 1 either way). */
function checkPrefix(lines: string[], prefix: string, name: string, lineno: number, firstLine: number): void {
  lines.forEach((line, index) => {
    if (line !== '' && !line.startsWith(prefix)) {
      throw new DoctestSyntaxError(
        `line ${lineno + index + 1} of the docstring for ${name} has inconsistent leading whitespace: '${line}'`,
        firstLine + index,
        prefix.endsWith('.')
          ? 'a continuation line is not indented like its ">>>" line followed by "..."'
          : 'an output line is indented less than its ">>>" prompt',
      );
    }
  });
}

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}

/** Python's `str.expandtabs()` with tab size 8. */
function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      for (const char of line) {
        if (char === '\t') out += ' '.repeat(8 - (out.length % 8));
        else out += char;
      }
      return out;
    })
    .join('\n');
}
