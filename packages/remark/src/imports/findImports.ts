import type {SyntaxNode} from '@lezer/common';
import {dedentLikePython} from './dedentLikePython.js';
import {maskIPythonSyntax} from './maskIPythonSyntax.js';
import {parsePythonModule} from './parsePythonModule.js';

/**
 * The modules Python code imports, as Pyodide's `pyodide.code.find_imports`
 * answers (the runtime loads packages from its answer): the code is
 * dedented, parsed, and every `import a.b` or `from a.b import c`, at any
 * depth, contributes `a` and `a.b`; `from .a import b` contributes `a`,
 * `from . import b` nothing. Code that is not valid Python gives `[]`.
 * Sorted, without repeats. IPython lines (`%magic`, `!command`) are masked
 * first, as the runtime transforms them before it looks for imports.
 */
export function findImports(code: string): string[] {
  // Every import statement spells `import`: without it there is nothing to parse.
  if (!code.includes('import')) return [];
  let found = answered.get(code);
  if (found === undefined) {
    found = importedModuleNames(code);
    if (answered.size >= ANSWERS_KEPT) answered.delete(answered.keys().next().value as string);
    answered.set(code, found);
  }
  return [...found];
}

/**
 * Answers by code, the oldest dropped first: Docusaurus compiles each page
 * twice (client and server bundles), so the second pass over a cell finds
 * its answer here instead of parsing the code again.
 */
const answered = new Map<string, readonly string[]>();
const ANSWERS_KEPT = 2000;

function importedModuleNames(code: string): string[] {
  const source = dedentLikePython(maskIPythonSyntax(code));
  const tree = parsePythonModule(source);
  if (!tree) return [];
  const modules = new Set<string>();
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'ImportStatement') return;
      for (const name of importedModules(ref.node, source)) {
        const parts = name.split('.');
        for (let length = 1; length <= parts.length; length += 1) modules.add(parts.slice(0, length).join('.'));
      }
    },
  });
  return [...modules].sort();
}

/** Top-level module names of the modules `code` imports (`import a.b` → `a`): what package lookups need. */
export function findTopLevelImports(code: string): string[] {
  return findImports(code).filter((name) => !name.includes('.'));
}

/** `import a.b as c, d` → `a.b`, `d`; `from ..a.b import c` → `a.b`; `from . import c` → nothing. */
function importedModules(statement: SyntaxNode, source: string): string[] {
  const text = (node: SyntaxNode) => source.slice(node.from, node.to);
  const first = statement.firstChild;
  if (first?.name === 'from') {
    const parts: string[] = [];
    for (let child = first.nextSibling; child && child.name !== 'import'; child = child.nextSibling) {
      if (child.name === 'VariableName') parts.push(text(child));
    }
    return parts.length > 0 ? [parts.join('.')] : [];
  }
  const modules: string[] = [];
  let parts: string[] = [];
  let alias = false;
  for (let child = first?.nextSibling; child; child = child.nextSibling) {
    if (child.name === 'VariableName' && !alias) parts.push(text(child));
    else if (child.name === 'as') alias = true;
    else if (child.name === ',') {
      if (parts.length > 0) modules.push(parts.join('.'));
      parts = [];
      alias = false;
    }
  }
  if (parts.length > 0) modules.push(parts.join('.'));
  return modules;
}
