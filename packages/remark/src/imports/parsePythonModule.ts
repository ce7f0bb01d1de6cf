import type {Tree} from '@lezer/common';
import {parser} from '@lezer/python';
import {isValidPythonModule} from './pythonSyntaxChecks.js';
import {PYTHON_REWRITES} from './pythonSyntaxRewrites.js';

/**
 * Parse Python code with @lezer/python and answer what CPython's `ast.parse`
 * would: the tree, or undefined for a SyntaxError. Lezer recovers from errors
 * (they become error nodes) and knows a slightly different Python than
 * CPython 3.14: forms it does not know yet are first rewritten to ones it
 * does (`PYTHON_REWRITES`), and what CPython rejects but lezer accepts is
 * checked on the tree (`isValidPythonModule`).
 *
 * Known differences left: `lambda: (yield)` is refused (CPython accepts it);
 * errors CPython finds beyond parsing (`return` outside a function) are not
 * errors for `ast.parse` either.
 */
export function parsePythonModule(code: string): Tree | undefined {
  let source = code;
  let tree = parser.parse(source);
  for (const rewrite of PYTHON_REWRITES) {
    const rewritten = rewrite(source, tree);
    if (rewritten === source) continue;
    source = rewritten;
    tree = parser.parse(source);
  }
  return isValidPythonModule(tree, source) ? tree : undefined;
}
