import {PACKAGE_NAME, PACKAGE_NAME_CHARS, splitPackageList} from '../packages/packageNames.js';
import {SESSION_NAME, SESSION_NAME_CHARS} from '../page/cellNames.js';
import {suggestClosest} from '../problems/suggestClosest.js';
import {type FrontMatter, type FrontMatterProblem, isPlainObject} from './readFrontMatter.js';

/** Page-level settings from the `pyodide:` front matter key. */
export interface PageSettings {
  /** False for `pyodide: false` or `enable: false`: no cells at all on the page. */
  enabled: boolean;
  /** Overrides the site's `runnable` option for this page. */
  runnable: 'marked' | 'all' | undefined;
  /** Default session of the page's cells. */
  session: string | undefined;
  /** `pyodide.packages`: packages every cell of the page needs. */
  packages: string[];
  /** `pyodide.doctest`: false turns "Try it" off on the page; 'all'/'marked' override the site option. */
  doctest: 'all' | 'marked' | false | undefined;
  /** `pyodide.math`: typeset `$…$` math on this page (overrides the `math` option). */
  math: boolean | undefined;
  /** `pyodide.execute`: how the page's blocks run at build (a block's `execute=` wins). */
  execute: ExecuteMode | undefined;
  /** `pyodide.runPrevious`: running a cell first runs the earlier cells of its session. */
  runPrevious: boolean | undefined;
  /** `pyodide.persist`: keep the reader's edits in browser storage. */
  persist: boolean | undefined;
}

/** How a block runs when the site executes its pages at build: not at all, from the cache, or always. */
export type ExecuteMode = 'off' | 'cache' | 'force';
export const EXECUTE_MODES: readonly ExecuteMode[] = ['off', 'cache', 'force'];

const SETTINGS_KEYS = [
  'enable',
  'runnable',
  'session',
  'packages',
  'doctest',
  'math',
  'execute',
  'runPrevious',
  'persist',
];
const SHAPE_HINT =
  'Write pyodide: true, pyodide: false, or a mapping with enable (true/false), runnable ("all"/"marked"), session (NAME), packages ([NAME, ...]), doctest (false/all/marked), math (true/false), execute (off/cache/force), runPrevious (true/false) and persist (true/false).';

/** The boolean keys of `pyodide:` and what each one turns on, for messages. */
const BOOLEAN_SETTINGS = {
  math: 'typeset $…$ math on this page',
  runPrevious: 'running a cell first runs the earlier cells of its session',
  persist: "keep the reader's edits in browser storage",
} as const;

/** Read and check the page's `pyodide:` front matter. */
export function readPageSettings(frontMatter: FrontMatter): {settings: PageSettings; problems: FrontMatterProblem[]} {
  const settings: PageSettings = {
    enabled: true,
    runnable: undefined,
    session: undefined,
    packages: [],
    doctest: undefined,
    math: undefined,
    execute: undefined,
    runPrevious: undefined,
    persist: undefined,
  };
  const problems: FrontMatterProblem[] = [];
  const {data, locator} = frontMatter;
  if (!data || !('pyodide' in data)) return {settings, problems};

  const value = data['pyodide'];
  if (typeof value === 'boolean') {
    settings.enabled = value;
    return {settings, problems};
  }
  if (!isPlainObject(value)) {
    problems.push({
      ruleId: 'pyodocs:invalid-front-matter',
      message: `Front matter "pyodide" is ${describe(value)}. ${SHAPE_HINT}`,
      place: locator.point(['pyodide'], 'value'),
    });
    return {settings, problems};
  }

  for (const [key, setting] of Object.entries(value)) {
    const keyPlace = locator.point(['pyodide', key], 'key');
    const valuePlace = locator.point(['pyodide', key], 'value');
    if (key === 'enable') {
      if (typeof setting === 'boolean') settings.enabled = setting;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: `Front matter "pyodide.enable" is ${describe(setting)}. Write enable: true or enable: false.`,
          place: valuePlace,
        });
    } else if (key === 'runnable') {
      if (setting === 'all' || setting === 'marked') settings.runnable = setting;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: `Front matter "pyodide.runnable" is ${describe(setting)}. Write runnable: all (every python block runs unless marked norun) or runnable: marked (only blocks marked run).`,
          place: valuePlace,
        });
    } else if (key === 'session') {
      if (typeof setting === 'string' && SESSION_NAME.test(setting)) settings.session = setting;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: `Front matter "pyodide.session" is ${describe(setting)}. Write session: NAME using only ${SESSION_NAME_CHARS}.`,
          place: valuePlace,
        });
    } else if (key === 'doctest') {
      if (setting === false || setting === 'all' || setting === 'marked') settings.doctest = setting;
      else if (setting === true) settings.doctest = undefined;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: `Front matter "pyodide.doctest" is ${describe(setting)}. Write doctest: false (no "Try it" on this page), all or marked.`,
          place: valuePlace,
        });
    } else if (key === 'math' || key === 'runPrevious' || key === 'persist') {
      if (typeof setting === 'boolean') settings[key] = setting;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: `Front matter "pyodide.${key}" is ${describe(setting)}. Write ${key}: true (${BOOLEAN_SETTINGS[key]}) or ${key}: false.`,
          place: valuePlace,
        });
    } else if (key === 'execute') {
      if (EXECUTE_MODES.includes(setting as ExecuteMode)) settings.execute = setting as ExecuteMode;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: `Front matter "pyodide.execute" is ${describe(setting)}. Write execute: off (never run at build), cache (run when the code changed) or force (run on every build).`,
          place: valuePlace,
        });
    } else if (key === 'packages') {
      const names =
        typeof setting === 'string'
          ? splitPackageList(setting)
          : Array.isArray(setting) && setting.every((name) => typeof name === 'string')
            ? setting.flatMap((name: string) => splitPackageList(name))
            : undefined;
      const invalid = names?.filter((name) => !PACKAGE_NAME.test(name)) ?? [];
      if (names && invalid.length === 0) settings.packages = names;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: names
            ? `Front matter "pyodide.packages" has invalid package name${invalid.length === 1 ? '' : 's'} ${invalid.map((name) => JSON.stringify(name)).join(', ')}. Use only ${PACKAGE_NAME_CHARS}.`
            : `Front matter "pyodide.packages" is ${describe(setting)}. Write a list of package names: packages: [numpy, matplotlib].`,
          place: valuePlace,
        });
    } else {
      const suggestion = suggestClosest(key, SETTINGS_KEYS);
      problems.push({
        ruleId: 'pyodocs:unknown-front-matter-key',
        message:
          `Unknown front matter key "pyodide.${key}".` +
          (suggestion ? ` Did you mean "${suggestion}"?` : '') +
          ` Valid keys: ${SETTINGS_KEYS.join(', ')}.`,
        place: keyPlace,
      });
    }
  }
  return {settings, problems};
}

/** The page's jupytext kernel language (`kernelspec.language`, else derived from `kernelspec.name`), lowercased; undefined when the page does not say. */
export function pageKernelLanguage(frontMatter: FrontMatter): string | undefined {
  const kernelspec = frontMatter.data?.['kernelspec'];
  if (!isPlainObject(kernelspec)) return undefined;
  const language = kernelspec['language'];
  if (typeof language === 'string' && language.trim() !== '') return language.trim().toLowerCase();
  const name = kernelspec['name'];
  if (typeof name === 'string' && /^(python|ipython|pyodide|xpython)/i.test(name)) return 'python';
  return typeof name === 'string' && name.trim() !== '' ? name.trim().toLowerCase() : undefined;
}

/**
 * Whether the page is a MyST notebook: jupytext front matter (`jupytext:`),
 * a kernel (`kernelspec:`) or MyST-NB's `file_format: mystnb`. Such pages get
 * MyST rendering by default (math).
 */
export function isMystNotebookPage(frontMatter: FrontMatter): boolean {
  return frontMatter.data !== undefined && isMystNotebookFrontMatter(frontMatter.data);
}

/** {@link isMystNotebookPage} of front matter already parsed (as a site's content plugin parses it). */
export function isMystNotebookFrontMatter(data: Readonly<Record<string, unknown>>): boolean {
  return isPlainObject(data['jupytext']) || isPlainObject(data['kernelspec']) || data['file_format'] === 'mystnb';
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}
