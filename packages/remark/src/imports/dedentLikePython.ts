/** Python's `str.isspace()` characters (JavaScript's `\s` differs: it has U+FEFF, lacks U+001C-U+001F and U+0085). */
const PYTHON_SPACES: ReadonlySet<string> = new Set(
  '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000',
);

/**
 * `textwrap.dedent` as CPython 3.14 writes it (the version Pyodide runs):
 * the common leading spaces and tabs of the non-blank lines are removed, and
 * blank lines become empty. Tabs and spaces are not equal (`"  a"` and
 * `"\ta"` share no margin).
 */
export function dedentLikePython(text: string): string {
  const lines = text.split('\n');
  const isBlank = (line: string) => line !== '' && [...line].every((char) => PYTHON_SPACES.has(char));
  const nonBlank = lines.filter((line) => line !== '' && !isBlank(line));
  // The common prefix of the smallest and largest line is every line's.
  let first = '';
  let last = '';
  for (const [index, line] of nonBlank.entries()) {
    if (index === 0 || line < first) first = line;
    if (index === 0 || line > last) last = line;
  }
  let margin = 0;
  while (margin < first.length && first[margin] === last[margin] && (first[margin] === ' ' || first[margin] === '\t')) {
    margin += 1;
  }
  return lines.map((line) => (isBlank(line) ? '' : line.slice(margin))).join('\n');
}
