import type {Code} from 'mdast';
import type {PythonLanguages} from '../languages/pythonLanguages.js';

/**
 * A doctest block: a Python console fence (`pycon`), or a Python fence whose
 * first non-blank line starts with the `>>> ` prompt (as doctest itself finds
 * them). MyST `{code-cell}`s are notebook cells, never doctest blocks.
 */
export function isDoctestFence(node: Code, languages: PythonLanguages): boolean {
  if (node.data?.pyodocsCell) return false;
  if (languages.isConsole(node.lang)) return true;
  if (!languages.isPython(node.lang)) return false;
  const firstLine = node.value.split('\n').find((line) => line.trim() !== '');
  return firstLine !== undefined && /^\s*>>>( |$)/.test(firstLine);
}
