import type {SyntaxNode, Tree} from '@lezer/common';

/**
 * Whether CPython's parser accepts the code lezer parsed: no error nodes, and
 * none of the mistakes lezer lets through but CPython reports as a
 * SyntaxError (assignment to what is not a target, argument and parameter
 * order, Python 2 leftovers, indentation that does not line up).
 */
export function isValidPythonModule(tree: Tree, source: string): boolean {
  let valid = true;
  tree.iterate({
    enter(ref) {
      if (!valid) return false;
      const node = ref.node;
      const text = () => source.slice(ref.from, ref.to);
      switch (ref.name) {
        case 'Script':
        case 'Body':
        case 'MatchBody':
          valid = statementsLineUp(node, source, ref.name === 'Script');
          break;
        case 'AssignStatement':
          valid = assignmentTargetsValid(node);
          break;
        case 'UpdateStatement':
          valid = isTarget(node.firstChild, false);
          break;
        case 'DeleteStatement':
          valid = childrenBetween(node, 'del', undefined).every(isTargetListItem);
          break;
        case 'ForStatement':
          valid = childrenBetween(node, 'for', 'in').every(isTargetListItem);
          break;
        case 'ParamList':
          valid = parameterDefaultsInOrder(node);
          break;
        case 'ArgList':
          valid = argumentsInOrder(node);
          break;
        case 'ImportStatement':
          // `from a import b,` needs brackets for its trailing comma.
          valid = node.lastChild?.name !== ',';
          break;
        case 'CompareOp':
          valid = text() !== '<>';
          break;
        case 'Number':
          // `0777`: Python 2 octal.
          valid = !/^0[0-9_]*[1-9][0-9_]*$/.test(text());
          break;
        default:
          valid = !ref.type.isError;
      }
      return valid ? undefined : false;
    },
  });
  return valid;
}

/** The children of `node` after its first `after` token and before its first `before` token. */
function childrenBetween(node: SyntaxNode, after: string, before: string | undefined): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  let inside = false;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (!inside) {
      inside = child.name === after;
      continue;
    }
    if (child.name === before) break;
    found.push(child);
  }
  return found;
}

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

/** `a, *b = c = d`: every item before the last `=` is a target. */
function assignmentTargetsValid(node: SyntaxNode): boolean {
  const children = childrenOf(node);
  const lastAssign = children.findLastIndex((child) => child.name === 'AssignOp');
  return children
    .slice(0, Math.max(lastAssign, 0))
    .every((child) => child.name === 'TypeDef' || isTargetListItem(child));
}

/** A target, or the punctuation between targets. */
function isTargetListItem(node: SyntaxNode): boolean {
  return node.name === ',' || node.name === '*' || node.name === 'AssignOp' || isTarget(node, true);
}

/** A name, attribute or subscript, or (for `allowSequence`) a tuple or list of targets. */
function isTarget(node: SyntaxNode | null, allowSequence: boolean): boolean {
  if (!node) return false;
  if (node.name === 'VariableName' || node.name === 'MemberExpression') return true;
  if (!allowSequence) return false;
  if (!['TupleExpression', 'ArrayExpression', 'ParenthesizedExpression'].includes(node.name)) return false;
  return childrenOf(node).every((child) => ['(', ')', '[', ']'].includes(child.name) || isTargetListItem(child));
}

/** `def f(a=1, b)` is a SyntaxError; keyword-only parameters (after `*`) need no default. */
function parameterDefaultsInOrder(paramList: SyntaxNode): boolean {
  let seenDefault = false;
  let keywordOnly = false;
  let previous: SyntaxNode | null = null;
  for (let child = paramList.firstChild; child; child = child.nextSibling) {
    if (child.name === '*' || child.name === '**') keywordOnly = true;
    if (child.name === 'VariableName' && previous?.name !== '*' && previous?.name !== '**') {
      let next = child.nextSibling;
      if (next?.name === 'TypeDef') next = next.nextSibling;
      if (next?.name === 'AssignOp') seenDefault = true;
      else if (seenDefault && !keywordOnly) return false;
    }
    previous = child;
  }
  return true;
}

/** `f(x=1, 2)` and `f(**k, 2)` are SyntaxErrors, and so is `f(**k, *a)`. */
function argumentsInOrder(argList: SyntaxNode): boolean {
  let keyword = false;
  let keywordUnpacking = false;
  let item: SyntaxNode[] = [];
  const check = (): boolean => {
    const [first, second] = item;
    item = [];
    if (!first) return true;
    if (first.name === '**') keywordUnpacking = true;
    else if (first.name === '*') return !keywordUnpacking;
    else if (first.name === 'VariableName' && second?.name === 'AssignOp') keyword = true;
    else return !keyword && !keywordUnpacking;
    return true;
  };
  for (let child = argList.firstChild; child; child = child.nextSibling) {
    if (child.name === '(' || child.name === ')') continue;
    if (child.name === ',') {
      if (!check()) return false;
    } else item.push(child);
  }
  return check();
}

/**
 * The statements of a block that begin a line are indented alike (and at
 * the left margin at the top level), in columns with tabs to 8 and to 1, as
 * CPython's tokenizer compares them ("unexpected indent", "unindent does not
 * match any outer indentation level", TabError).
 */
function statementsLineUp(block: SyntaxNode, source: string, topLevel: boolean): boolean {
  let expected: string | undefined = topLevel ? '0/0' : undefined;
  for (let child = block.firstChild; child; child = child.nextSibling) {
    if (child.name === ':' || child.name === 'Comment') continue;
    const lineStart = source.lastIndexOf('\n', child.from - 1) + 1;
    const indentation = source.slice(lineStart, child.from);
    if (!/^[ \t\f]*$/.test(indentation)) continue; // not the first statement on its line
    const columns = indentationColumns(indentation);
    expected ??= columns;
    if (columns !== expected) return false;
  }
  return true;
}

function indentationColumns(indentation: string): string {
  let column = 0;
  let altColumn = 0;
  for (const char of indentation) {
    if (char === ' ') {
      column += 1;
      altColumn += 1;
    } else if (char === '\t') {
      column = (Math.floor(column / 8) + 1) * 8;
      altColumn += 1;
    } else {
      column = altColumn = 0; // a form feed resets the column
    }
  }
  return `${column}/${altColumn}`;
}
