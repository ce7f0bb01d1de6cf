import type {SyntaxNode, Tree} from '@lezer/common';
import {parser} from '@lezer/python';

/** A rewrite of source text that lezer misreads into text it reads as CPython does; returns `source` when nothing applies. */
export type PythonSyntaxRewrite = (source: string, tree: Tree) => string;

interface Replacement {
  from: number;
  to: number;
  text: string;
}

const TEMPLATE_PREFIX = /(?<![\p{L}\p{N}_])(?:[tT][rR]?|[rR][tT])$/u;

/** Python 3.14 template strings: `t"..."` → `f"..."` (lezer reads `t` as a name followed by a string). */
const templateStringsAsFormatStrings: PythonSyntaxRewrite = (source, tree) => {
  const replacements: Replacement[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'String' && ref.name !== 'FormatString') return;
      const match = TEMPLATE_PREFIX.exec(source.slice(Math.max(0, ref.from - 3), ref.from));
      if (!match) return;
      const from = ref.from - match[0].length;
      replacements.push({from, to: ref.from, text: match[0].replace('t', 'f').replace('T', 'F')});
    },
  });
  return applyReplacements(source, replacements);
};

/**
 * Python 3 `print`: lezer reads `print x` as a Python 2 print statement; as
 * a name, `print "x"` is the SyntaxError it is in Python 3 and a bare
 * `print` or `print >> f` the expressions they are.
 */
const printAsName: PythonSyntaxRewrite = (_source, tree) => {
  const replacements: Replacement[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'PrintStatement') return;
      const keyword = ref.node.firstChild;
      if (keyword?.name === 'print') replacements.push({from: keyword.from, to: keyword.to, text: 'prin_'});
    },
  });
  return applyReplacements(_source, replacements);
};

/**
 * PEP 614 decorators (any expression, Python 3.9): `@buttons[0].connect` →
 * `@_` and blanks, when the expression parses alone (lezer knows only dotted
 * names, optionally called).
 */
const expressionDecoratorsAsNames: PythonSyntaxRewrite = (source, tree) => {
  const replacements: Replacement[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'Decorator' || !hasError(ref.node)) return;
      const from = ref.node.firstChild?.to ?? ref.from; // after the `@`
      const statement = parser.parse(source.slice(from)).topNode.firstChild;
      if (statement?.name !== 'ExpressionStatement' || hasError(statement)) return false;
      if (!/^[ \t]*$/.test(source.slice(from, from + statement.from))) return false;
      const to = from + statement.to;
      replacements.push({from, to, text: `_${blankOut(source.slice(from + 1, to))}`});
      return false;
    },
  });
  return applyReplacements(source, replacements);
};

/**
 * Parenthesized context managers (Python 3.10):
 * `with (open(a) as f, open(b) as g,):` → the same items without the
 * brackets, on one line (lezer reads the brackets as an expression).
 */
const parenthesizedWithItems: PythonSyntaxRewrite = (source, tree) => {
  const replacements: Replacement[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'WithStatement' || !hasError(ref.node)) return;
      let open = ref.node.firstChild;
      if (open?.name === 'async') open = open.nextSibling;
      open = open?.nextSibling ?? null;
      const body = ref.node.lastChild;
      if (open?.name !== 'ParenthesizedExpression' || body?.name !== 'Body') return;
      const from = open.from;
      const close = source.lastIndexOf(')', body.from);
      if (source[from] !== '(' || close <= from || source.slice(close + 1, body.from).trim() !== '') return;
      // Comments would swallow the joined line; newlines would end it.
      let items = source.slice(from + 1, close);
      ref.node.cursor().iterate((inner) => {
        if (inner.name === 'Comment' && inner.from > from && inner.to <= close) {
          const start = inner.from - from - 1;
          items =
            items.slice(0, start) +
            blankOut(items.slice(start, inner.to - from - 1)) +
            items.slice(inner.to - from - 1);
        }
      });
      items = items.replace(/,(\s*)$/, ' $1').replace(/\r?\n/g, ' ');
      replacements.push({from, to: close + 1, text: ` ${items} `});
    },
  });
  return applyReplacements(source, replacements);
};

/** In order: later rewrites see the tree of the earlier ones' output. */
export const PYTHON_REWRITES: readonly PythonSyntaxRewrite[] = [
  templateStringsAsFormatStrings,
  printAsName,
  expressionDecoratorsAsNames,
  parenthesizedWithItems,
];

function applyReplacements(source: string, replacements: readonly Replacement[]): string {
  let rewritten = source;
  for (const {from, to, text} of [...replacements].sort((a, b) => b.from - a.from)) {
    rewritten = rewritten.slice(0, from) + text + rewritten.slice(to);
  }
  return rewritten;
}

/** Spaces for every character but line breaks, so lines stay where they were. */
function blankOut(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

export function hasError(node: SyntaxNode): boolean {
  if (node.type.isError) return true;
  for (let child = node.firstChild; child; child = child.nextSibling) if (hasError(child)) return true;
  return false;
}
