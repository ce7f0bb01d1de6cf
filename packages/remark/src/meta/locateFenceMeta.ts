import type {Code} from 'mdast';

/** A 1-based line and column in the source file. */
export interface SourcePoint {
  line: number;
  column: number;
}

/** Maps an offset in `node.meta` to its place in the source file. */
export type MetaOffsetToPoint = (offset: number) => SourcePoint;

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const CHARACTER_REFERENCE = /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * Where each character of a fence's meta string sits in the source file.
 * mdast only gives the fence's start, and the meta's column depends on
 * indentation, the fence characters (```, ~~~, or longer runs) and the
 * language, so we re-read the opening line from the original text. The meta
 * is decoded Markdown (`\"` arrives as `"`, `&amp;` as `&`), so offsets are
 * mapped through those escapes too. Undefined without positions or meta, or
 * when the text is not the one that was parsed.
 */
export function locateFenceMeta(source: string, node: Code): MetaOffsetToPoint | undefined {
  const start = node.position?.start;
  const meta = node.meta;
  if (!start || !meta) return undefined;
  const fenceOffset =
    typeof start.offset === 'number' ? start.offset : lineStartOffset(source, start.line) + start.column - 1;

  let i = fenceOffset;
  const fenceChar = source[i];
  if (fenceChar !== '`' && fenceChar !== '~') return undefined;
  while (source[i] === fenceChar) i += 1;
  while (source[i] === ' ' || source[i] === '\t') i += 1;
  // The language is the first word of the info string.
  while (i < source.length && !/\s/.test(source[i] ?? '')) i += 1;
  while (source[i] === ' ' || source[i] === '\t') i += 1;

  // rawOf[j] = offset in `source` of meta[j]; the fence line is a single
  // line, so columns are plain distances from the fence start.
  const rawOf: number[] = [];
  let j = 0;
  while (j < meta.length) {
    const char = source[i];
    if (char === undefined || char === '\n' || char === '\r') return undefined;
    const next = source[i + 1];
    if (char === '\\' && next !== undefined && ASCII_PUNCTUATION.test(next)) {
      // A backslash escape decodes to the escaped character.
      if (meta[j] !== next) return undefined;
      rawOf.push(i);
      i += 2;
      j += 1;
      continue;
    }
    const reference = char === '&' ? CHARACTER_REFERENCE.exec(source.slice(i, i + 40)) : null;
    if (reference && source.slice(i, i + reference[0].length) !== meta.slice(j, j + reference[0].length)) {
      // A reference decodes to one code point (one or two UTF-16 units).
      const width = (meta.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
      for (let k = 0; k < width; k += 1) rawOf.push(i);
      i += reference[0].length;
      j += width;
      continue;
    }
    if (char !== meta[j]) return undefined;
    rawOf.push(i);
    i += 1;
    j += 1;
  }
  rawOf.push(i);

  return (offset) => {
    const raw = rawOf[Math.min(Math.max(offset, 0), rawOf.length - 1)] ?? i;
    return {line: start.line, column: start.column + (raw - fenceOffset)};
  };
}

function lineStartOffset(source: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return source.length;
    offset = next + 1;
  }
  return offset;
}
