/**
 * One whitespace-separated item of a code fence's meta string. Offsets are
 * UTF-16 indices into the meta string (`end` exclusive), so callers can point
 * at the exact column of a problem.
 */
export type FenceMetaItem =
  | {
      /** A bare word: `run`, `showLineNumbers`. */
      kind: 'flag';
      name: string;
      raw: string;
      start: number;
      end: number;
    }
  | {
      /** `key=value`, `key="quoted value"` or `key='quoted value'`. */
      kind: 'pair';
      name: string;
      /** The value with quotes removed and backslash escapes resolved. */
      value: string;
      quoted: boolean;
      raw: string;
      start: number;
      end: number;
      valueStart: number;
    }
  | {
      /** A Docusaurus highlight range such as `{1,3-5}`. */
      kind: 'range';
      raw: string;
      start: number;
      end: number;
    };

/** A syntax error in a meta string, with the offsets of the offending text. */
export interface FenceMetaSyntaxError {
  message: string;
  start: number;
  end: number;
}

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);
const isQuote = (char: string | undefined): char is '"' | "'" => char === '"' || char === "'";

interface QuotedValue {
  value: string;
  /** Offset just after the closing quote, or the end of the meta if unterminated. */
  end: number;
  terminated: boolean;
}

function readQuoted(meta: string, quoteAt: number): QuotedValue {
  const quote = meta[quoteAt];
  let value = '';
  let i = quoteAt + 1;
  while (i < meta.length) {
    const char = meta[i];
    if (char === '\\' && i + 1 < meta.length) {
      value += meta[i + 1];
      i += 2;
      continue;
    }
    if (char === quote) return {value, end: i + 1, terminated: true};
    value += char;
    i += 1;
  }
  return {value, end: meta.length, terminated: false};
}

function skipToSpace(meta: string, from: number): number {
  let i = from;
  while (i < meta.length && !isSpace(meta[i])) i += 1;
  return i;
}

/**
 * Split a fence meta string into flags, `key=value` pairs and highlight
 * ranges. Knows the syntax only, not which keys mean something; syntax errors
 * are returned (never thrown) and the scan resumes at the next item.
 */
export function tokenizeFenceMeta(meta: string): {
  items: FenceMetaItem[];
  errors: FenceMetaSyntaxError[];
} {
  const items: FenceMetaItem[] = [];
  const errors: FenceMetaSyntaxError[] = [];
  let i = 0;

  while (i < meta.length) {
    if (isSpace(meta[i])) {
      i += 1;
      continue;
    }
    const start = i;

    if (meta[i] === '{') {
      // Docusaurus ranges never contain spaces, but `{1, 3}` is still one
      // (mistaken) range, not two unknown keys.
      const close = meta.indexOf('}', i);
      const end = close === -1 ? skipToSpace(meta, i) : close + 1;
      items.push({kind: 'range', raw: meta.slice(start, end), start, end});
      i = end;
      continue;
    }

    if (isQuote(meta[i])) {
      const quoted = readQuoted(meta, i);
      errors.push({
        message: quoted.terminated
          ? `Quoted text ${meta.slice(start, quoted.end)} has no key. Write it as key=${meta.slice(start, quoted.end)}.`
          : `Unterminated ${meta[i]} quote. Close the quote or remove it.`,
        start,
        end: quoted.end,
      });
      i = quoted.end;
      continue;
    }

    while (i < meta.length && !isSpace(meta[i]) && meta[i] !== '=') i += 1;
    const name = meta.slice(start, i);

    if (meta[i] !== '=') {
      items.push({kind: 'flag', name, raw: name, start, end: i});
      continue;
    }

    const valueStart = i + 1;
    let value: string;
    let quoted = false;
    let end: number;
    if (isQuote(meta[valueStart])) {
      const read = readQuoted(meta, valueStart);
      if (!read.terminated) {
        errors.push({
          message: `Unterminated ${meta[valueStart]} quote in the value of "${name}". Close it with ${meta[valueStart]} (escape a quote inside the value as \\${meta[valueStart]}).`,
          start,
          end: read.end,
        });
        i = read.end;
        continue;
      }
      if (read.end < meta.length && !isSpace(meta[read.end])) {
        const after = skipToSpace(meta, read.end);
        errors.push({
          message: `Unexpected text ${JSON.stringify(meta.slice(read.end, after))} after the closing quote of "${name}". Put a space between items or move the text inside the quotes.`,
          start,
          end: after,
        });
        i = after;
        continue;
      }
      value = read.value;
      quoted = true;
      end = read.end;
    } else {
      end = skipToSpace(meta, valueStart);
      value = meta.slice(valueStart, end);
    }
    i = end;

    if (name === '') {
      errors.push({
        message: `Value ${JSON.stringify(meta.slice(start, end))} has no key. Write key=value.`,
        start,
        end,
      });
      continue;
    }
    items.push({
      kind: 'pair',
      name,
      value,
      quoted,
      raw: meta.slice(start, end),
      start,
      end,
      valueStart,
    });
  }

  return {items, errors};
}
