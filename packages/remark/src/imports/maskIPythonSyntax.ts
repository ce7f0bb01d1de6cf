import type {Tree} from '@lezer/common';
import {parser} from '@lezer/python';

/** `%magic`, `%%cell_magic`, `!command`, or `name = %magic` / `name = !command`, after the line's indentation. */
const IPYTHON_LINE = /^([ \t]*)(?:[\p{L}\p{N}_.]+(?:[ \t]*,[ \t]*[\p{L}\p{N}_.]+)*[ \t]*=[ \t]*)?[%!]/u;
const BLOCKS = new Set(['Script', 'Body', 'MatchBody']);

/**
 * Replace IPython lines (`%time f()`, `%%timeit`, `!pip list`, `x = !ls`)
 * that start a logical line by `pass` at the same indentation. The runtime
 * turns them into calls before it looks for imports, so they must not make
 * the code a SyntaxError here; the body under a cell magic stays Python.
 * Lines inside strings, brackets or after a backslash continue a logical line
 * and are left alone (`x = (a\n%b)` is a modulo).
 */
export function maskIPythonSyntax(code: string): string {
  const found = ipythonLines(code);
  if (found.length === 0) return code;
  const lines = code.split('\n');
  for (const {index, indentation} of found) lines[index] = `${indentation}pass`;
  return lines.join('\n');
}

/** The IPython lines of `code` that start a logical line: their index, indentation and text after it. */
export function ipythonLines(code: string): Array<{index: number; indentation: string; text: string}> {
  const lines = code.split('\n');
  const candidates: Array<{index: number; offset: number; indentation: string; text: string}> = [];
  let offset = 0;
  for (const [index, line] of lines.entries()) {
    const match = IPYTHON_LINE.exec(line);
    if (match) {
      const indentation = match[1] ?? '';
      candidates.push({index, offset: offset + indentation.length, indentation, text: line.slice(indentation.length)});
    }
    offset += line.length + 1;
  }
  if (candidates.length === 0) return [];
  const tree = parser.parse(code);
  return candidates
    .filter(({offset: at}) => startsLogicalLine(tree, at))
    .map(({index, indentation, text}) => ({index, indentation, text}));
}

/** Whether `position` is where a statement of a block may start, not inside a string, brackets or a continued line. */
function startsLogicalLine(tree: Tree, position: number): boolean {
  let node = tree.resolveInner(position, 1);
  while (node.parent && node.from >= position) node = node.parent;
  return BLOCKS.has(node.name);
}
