import {isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml';

/** The MyST cell tags pyodocs acts on; any other tag is kept and ignored. */
export const KNOWN_CELL_TAGS = [
  'hide-input',
  'hide-output',
  'hide-cell',
  'remove-input',
  'remove-output',
  'remove-cell',
  'raises-exception',
  'skip-execution',
] as const;

export interface MystOptionsProblem {
  message: string;
  /** 0-based line within the fence content. */
  line: number;
  /** 1-based column within that line. */
  column: number;
}

export interface MystCellOptions {
  /** The `tags` option, in source order (unknown tags included). */
  tags: string[];
  /** Every option as YAML gave it (`tags`, `name`, `mystnb`, ...). */
  options: Record<string, unknown>;
  /** The code after the options (leading blank lines dropped). */
  code: string;
  problems: MystOptionsProblem[];
}

/**
 * Split a MyST directive body into its options and content. MyST allows two
 * forms before the content: a `---` ... `---` YAML block, or leading
 * `:key: value` lines (each one YAML `key: value`). Both are parsed with a
 * real YAML parser; syntax errors and a `tags` option that is not a list of
 * strings are problems with the line/column inside the body.
 */
export function parseMystOptions(body: string): MystCellOptions {
  const lines = body.split('\n');
  const result: MystCellOptions = {tags: [], options: {}, code: body, problems: []};
  let yamlText: string;
  let yamlFirstLine: number;
  let contentStart: number;
  // `:key: value` lines become `key: value`: the YAML columns shift by one.
  let columnShift = 0;

  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
    if (close === -1) {
      result.problems.push({
        message: 'The "---" options block of this cell is never closed. Add a "---" line after the options.',
        line: 0,
        column: 1,
      });
      result.code = '';
      return result;
    }
    yamlText = lines.slice(1, close).join('\n');
    yamlFirstLine = 1;
    contentStart = close + 1;
  } else {
    let end = 0;
    // `:key: value` lines; once they start, `:  nested: value` lines continue a mapping (`:mystnb:` then its keys).
    const optionLine = (line: string) => /^:[A-Za-z0-9_-]+:(\s|$)/.test(line) || (end > 0 && /^:[ \t]+\S/.test(line));
    while (end < lines.length && optionLine(lines[end] ?? '')) end++;
    yamlText = lines
      .slice(0, end)
      .map((line) => line.slice(1))
      .join('\n');
    yamlFirstLine = 0;
    contentStart = end;
    columnShift = 1;
  }

  while (contentStart < lines.length && (lines[contentStart] ?? '').trim() === '') contentStart++;
  result.code = lines.slice(contentStart).join('\n');
  if (yamlText.trim() === '') return result;

  const counter = new LineCounter();
  const document = parseDocument(yamlText, {lineCounter: counter});
  const at = (offset: number) => {
    const {line, col} = counter.linePos(offset);
    return {line: yamlFirstLine + line - 1, column: col + columnShift};
  };
  const [error] = document.errors;
  if (error) {
    result.problems.push({
      message: `Cell options are not valid YAML (${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}). Write one "key: value" per line, for example tags: [hide-input].`,
      ...at(error.pos[0]),
    });
    return result;
  }
  const contents = document.contents;
  if (!isMap(contents)) {
    result.problems.push({
      message: 'Cell options must be "key: value" lines, for example tags: [hide-input].',
      ...at(0),
    });
    return result;
  }
  const options = document.toJS() as Record<string, unknown>;
  result.options = options;
  const tagsPair = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'tags');
  if (tagsPair) {
    const value = tagsPair.value;
    const where = at((isScalar(value) || isSeq(value) || isMap(value) ? value.range?.[0] : undefined) ?? 0);
    const tags = options['tags'];
    if (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string')) {
      result.tags = tags;
    } else if (typeof tags === 'string' && tags.trim() !== '') {
      // `tags: remove-cell`: Jupyter tools read a string as its tag.
      result.tags = tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== '');
    } else {
      result.problems.push({
        message: `The "tags" option must be a list of strings, for example tags: [hide-input, raises-exception]; got ${JSON.stringify(tags)}.`,
        ...where,
      });
    }
  }
  return result;
}
