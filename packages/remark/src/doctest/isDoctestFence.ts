import type {Code} from 'mdast';
import type {PythonLanguages} from '../languages/pythonLanguages.js';

/**
 * A doctest block: a Python console fence (`pycon`), or a Python fence whose
 * first non-blank line starts with the `>>> ` prompt (as doctest itself finds
 * them), or a code block with no language that starts so: how
 * reStructuredText's `>>>` examples (written with `::`, which Sphinx shows
 * as Python's console) come out of a converter. MyST `{code-cell}`s are
 * notebook cells, never doctest blocks.
 */
export function isDoctestFence(node: Code, languages: PythonLanguages): boolean {
  if (node.data?.pyodocsCell) return false;
  if (languages.isConsole(node.lang)) return true;
  if (!languages.isPython(node.lang) && !hasNoLanguage(node)) return false;
  const firstLine = node.value.split('\n').find((line) => line.trim() !== '');
  return firstLine !== undefined && /^\s*>>>( |$)/.test(firstLine);
}

/** A code block without a language: a doctest block only by its prompt, so one doctest cannot read stays as written. */
export function hasNoLanguage(node: Code): boolean {
  return node.lang === null || node.lang === undefined || node.lang.trim() === '';
}
