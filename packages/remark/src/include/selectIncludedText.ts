/** A piece of the included file: `text` starts at `offset` in the file. */
interface Segment {
  offset: number;
  text: string;
}

/** The part of a file an `{include}` takes, with the way back to the file's offsets. */
export interface IncludedText {
  text: string;
  /** The offset in the file of an offset in `text`. */
  fileOffset(offset: number): number;
}

/** What to take: the options `:start-line:`, `:end-line:`, `:lines:`, `:start-after:`, `:end-before:`. */
export interface TextSelection {
  /** 0-based, Python slice semantics (negative counts from the end). */
  startLine?: number | undefined;
  endLine?: number | undefined;
  /** `:lines:` as Sphinx's literalinclude reads it: 1-based, `1,3,5-10,20-`. */
  lines?: string | undefined;
  startAfter?: string | undefined;
  endBefore?: string | undefined;
}

/** Why a selection failed, naming the option. */
export class SelectionError extends Error {
  constructor(
    readonly option: 'start-after' | 'end-before' | 'lines',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The text an `{include}` takes from a file, as MyST does it: the lines
 * `start-line`..`end-line` (a Python slice), then the numbered `lines`,
 * then what follows the first `start-after` text, then what precedes the
 * first `end-before` text. Each piece keeps its offset in the file, so
 * positions of what is parsed from it point into the file.
 */
export function selectIncludedText(file: string, selection: TextSelection): IncludedText {
  const lineSegments = splitLines(file);
  const [from, to] = sliceBounds(lineSegments.length, selection.startLine, selection.endLine);
  let selected = lineSegments.slice(from, to);
  if (selection.lines !== undefined) {
    const numbers = parseLineNumbers(selection.lines, selected.length);
    selected = numbers.map((line) => selected[line - 1] as Segment);
  }
  let segments = joinLines(selected);

  if (selection.startAfter) {
    const at = joined(segments).indexOf(selection.startAfter);
    if (at < 0)
      throw new SelectionError('start-after', `the text ${JSON.stringify(selection.startAfter)} is not there`);
    segments = cut(segments, at + selection.startAfter.length, Infinity);
  }
  if (selection.endBefore) {
    const at = joined(segments).indexOf(selection.endBefore);
    if (at < 0) throw new SelectionError('end-before', `the text ${JSON.stringify(selection.endBefore)} is not there`);
    segments = cut(segments, 0, at);
  }
  return {
    text: joined(segments),
    fileOffset(offset) {
      let start = 0;
      for (const segment of segments) {
        if (offset <= start + segment.text.length) return segment.offset + (offset - start);
        start += segment.text.length;
      }
      const last = segments.at(-1);
      return last ? last.offset + last.text.length : 0;
    },
  };
}

/** Each line of the file without its line ending, with its offset. */
function splitLines(file: string): Segment[] {
  const segments: Segment[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  for (const match of file.matchAll(lineBreak)) {
    segments.push({offset: start, text: file.slice(start, match.index)});
    start = match.index + match[0].length;
  }
  if (start < file.length) segments.push({offset: start, text: file.slice(start)});
  return segments;
}

/** Lines joined with `\n`; a line break is a segment of its own when the lines are not adjacent in the file. */
function joinLines(lines: readonly Segment[]): Segment[] {
  const segments: Segment[] = [];
  for (const [index, line] of lines.entries()) {
    if (index > 0) {
      const previous = lines[index - 1] as Segment;
      segments.push({offset: previous.offset + previous.text.length, text: '\n'});
    }
    segments.push(line);
  }
  return segments;
}

function joined(segments: readonly Segment[]): string {
  return segments.map((segment) => segment.text).join('');
}

/** The segments' text from `from` to `to` (offsets in the joined text). */
function cut(segments: readonly Segment[], from: number, to: number): Segment[] {
  const result: Segment[] = [];
  let start = 0;
  for (const segment of segments) {
    const end = start + segment.text.length;
    const keepFrom = Math.max(from, start);
    const keepTo = Math.min(to, end);
    if (keepFrom < keepTo) {
      result.push({
        offset: segment.offset + (keepFrom - start),
        text: segment.text.slice(keepFrom - start, keepTo - start),
      });
    }
    start = end;
  }
  return result;
}

/** `1,3,5-10,20-` (Sphinx's `parselinenos`): the 1-based line numbers, each checked against `total`. */
function parseLineNumbers(spec: string, total: number): number[] {
  const numbers: number[] = [];
  for (const part of spec.split(',')) {
    const match = /^\s*(\d*)\s*(-?)\s*(\d*)\s*$/.exec(part);
    const [, first = '', dash = '', last = ''] = match ?? [];
    if (!match || (first === '' && last === '') || (dash === '' && last !== '')) {
      throw new SelectionError(
        'lines',
        `${JSON.stringify(part.trim())} is not a line number or range; write lines like 1,3,5-10,20-`,
      );
    }
    const start = first === '' ? 1 : Number(first);
    const end = dash === '' ? start : last === '' ? Math.max(start, total) : Number(last);
    if (start < 1 || end < start) {
      throw new SelectionError(
        'lines',
        `${JSON.stringify(part.trim())} is not a valid range; write lines like 1,3,5-10,20-`,
      );
    }
    if (end > total) {
      throw new SelectionError(
        'lines',
        `line ${end} is not in the text, which has ${total} line${total === 1 ? '' : 's'}`,
      );
    }
    for (let line = start; line <= end; line += 1) numbers.push(line);
  }
  return numbers;
}

/** Python's `lines[start:end]` bounds. */
function sliceBounds(length: number, start: number | undefined, end: number | undefined): [number, number] {
  const clamp = (value: number) => Math.min(Math.max(value < 0 ? length + value : value, 0), length);
  return [start === undefined ? 0 : clamp(start), end === undefined ? length : clamp(end)];
}
