import type {Code} from 'mdast';

/** Languages whose fences are interactive-session transcripts. */
const TRANSCRIPT_LANGUAGES = new Set(['pycon', 'python-console', 'pytb-console']);

/**
 * A doctest block: language `pycon`, or a Python language whose first
 * non-blank line starts with the `>>> ` prompt (as doctest itself finds them).
 */
export function isDoctestFence(node: Code, pythonLanguages: ReadonlySet<string>): boolean {
  const lang = node.lang?.toLowerCase();
  if (!lang) return false;
  if (TRANSCRIPT_LANGUAGES.has(lang)) return true;
  if (!pythonLanguages.has(lang)) return false;
  const firstLine = node.value.split('\n').find((line) => line.trim() !== '');
  return firstLine !== undefined && /^\s*>>>( |$)/.test(firstLine);
}
