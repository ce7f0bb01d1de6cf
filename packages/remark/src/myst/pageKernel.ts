import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import {parse} from 'yaml';

/**
 * The page's jupytext kernel language (`kernelspec.language`, else derived
 * from `kernelspec.name`), lowercased; undefined when the page does not say.
 */
export function pageKernelLanguage(tree: Root, file: VFile): string | undefined {
  let frontMatter: unknown = file.data['frontMatter'];
  if (!isObject(frontMatter)) {
    const first = tree.children[0];
    if (first?.type !== 'yaml') return undefined;
    try {
      frontMatter = parse(first.value);
    } catch {
      return undefined; // reported by the front matter checks
    }
  }
  if (!isObject(frontMatter)) return undefined;
  const kernelspec = frontMatter['kernelspec'];
  if (!isObject(kernelspec)) return undefined;
  const language = kernelspec['language'];
  if (typeof language === 'string' && language.trim() !== '') return language.trim().toLowerCase();
  const name = kernelspec['name'];
  if (typeof name === 'string' && /^(python|ipython|pyodide|xpython)/i.test(name)) return 'python';
  return typeof name === 'string' && name.trim() !== '' ? name.trim().toLowerCase() : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
