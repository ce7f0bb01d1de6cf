/** Fence languages whose code is Python, unless the `languages` option names others. */
export const DEFAULT_PYTHON_LANGUAGES: readonly string[] = ['python', 'py', 'python3'];

/** Fence languages of Python console sessions: doctest blocks whatever their first line (`doctest`: pandoc's class for reStructuredText's doctest blocks). */
const CONSOLE_LANGUAGES: ReadonlySet<string> = new Set(['pycon', 'python-console', 'pytb-console', 'doctest']);

/** Python as a Jupyter kernel or MyST `{code-cell}` language names it, beyond the fence languages. */
const KERNEL_LANGUAGES: readonly string[] = ['ipython', 'ipython3', 'pyodide'];

/** Which languages are Python, for the fence, doctest and MyST transforms alike (compared case-insensitively). */
export interface PythonLanguages {
  /** A fence of Python code (option `languages`). */
  isPython(lang: string | null | undefined): boolean;
  /** A fence of a Python console session (`pycon`): a doctest block. */
  isConsole(lang: string | null | undefined): boolean;
  /** A `{code-cell}` argument or kernelspec language that is Python: the fence languages, their defaults, IPython's names. */
  isPythonKernel(lang: string | null | undefined): boolean;
}

export function pythonLanguages(fenceLanguages: readonly string[]): PythonLanguages {
  const python = new Set(fenceLanguages.map((language) => language.toLowerCase()));
  const kernel = new Set([...python, ...DEFAULT_PYTHON_LANGUAGES, ...KERNEL_LANGUAGES]);
  const has = (set: ReadonlySet<string>) => (lang: string | null | undefined) =>
    typeof lang === 'string' && set.has(lang.toLowerCase());
  return {isPython: has(python), isConsole: has(CONSOLE_LANGUAGES), isPythonKernel: has(kernel)};
}
