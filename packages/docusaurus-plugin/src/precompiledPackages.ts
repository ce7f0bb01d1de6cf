import {realpathSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Compiler, RuleSetRule} from 'webpack';

/** Our packages that ship compiled JavaScript for browsers (ES2022, JSX compiled). */
const PRECOMPILED_PACKAGES = ['@pyodocs/react', '@pyodocs/runtime'];

type Exclude = (file: string) => boolean;

/**
 * Keeps the site's JS loader (Babel, or SWC with Docusaurus Faster) off
 * `@pyodocs/react` and `@pyodocs/runtime` when they are linked rather than
 * installed. Docusaurus transpiles every file whose path has no
 * `node_modules` in it: an installed package is left alone, but a linked
 * one (a pnpm or npm workspace, `npm link`) resolves to its real folder and
 * is transpiled twice a build (client and server bundles) — to ES5 when the
 * site has no browserslist, with a Babel helper module for each `async`
 * and private field, which splitChunks then copies into every page chunk
 * that holds a cell. Profiles of `docusaurus build` of the 40-page bench
 * site (issue 13) put it at 2.5 s of Babel that the pages with plain fences
 * do not have, and bigger chunks for Terser.
 *
 * With it, a linked install builds the code an installed one does. This
 * package's own browser code (`lib/theme`, `lib/themeSupport`, `lib/client`)
 * is kept off it too, linked or installed: Docusaurus transpiles any path
 * with `docusaurus` in its package name, though tsc already compiled it to
 * the ES2022 and JSX-free code `@pyodocs/react` ships (Babel on it was about
 * 0.5 s of CPU a build, issue 13). A swizzled copy is the site's own file
 * and goes through the site's loader as before.
 */
export class PrecompiledPackagesWebpackPlugin {
  readonly #isPrecompiled: (file: string) => boolean;

  constructor(folders: readonly string[] = precompiledPackageFolders()) {
    this.#isPrecompiled = inFolders(folders);
  }

  apply(compiler: Compiler): void {
    const isPrecompiled = this.#isPrecompiled;
    for (const rule of jsLoaderRules(compiler.options.module?.rules ?? [])) {
      const siteExclude = rule.exclude as Exclude;
      rule.exclude = (file: string) => siteExclude(file) || isPrecompiled(file);
    }
  }
}

/** Whether a file is in one of `folders` (and not in a `node_modules` below it). */
function inFolders(folders: readonly string[]): (file: string) => boolean {
  const prefixes = folders.map((folder) => (folder.endsWith(path.sep) ? folder : folder + path.sep));
  return (file) =>
    prefixes.some(
      (folder) => file.startsWith(folder) && !file.includes(`${path.sep}node_modules${path.sep}`, folder.length),
    );
}

/** This package's browser code (theme components, their support, client modules), compiled by its build like `@pyodocs/react`. */
const OWN_BROWSER_FOLDERS = ['theme', 'themeSupport', 'client'];

/** Where the precompiled code this plugin uses is, as real folders (what webpack resolves links to). */
export function precompiledPackageFolders(): string[] {
  return [
    ...PRECOMPILED_PACKAGES.map(realPackageFolder),
    ...OWN_BROWSER_FOLDERS.map((folder) => realpathSync(fileURLToPath(new URL(`./${folder}`, import.meta.url)))),
  ];
}

/** A package's folder as webpack resolves it: the real path, for a linked (workspace) install as for an installed one. */
export function realPackageFolder(name: string): string {
  return realpathSync(path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)));
}

/** Docusaurus's JS rule: scripts (`.js` and `.tsx` alike) with its `excludeJS` function, once even when rules are shared. */
function* jsLoaderRules(rules: unknown[]): Generator<RuleSetRule> {
  for (const rule of rules) {
    if (!rule || typeof rule !== 'object') continue;
    const r = rule as RuleSetRule & {[WRAPPED]?: true};
    if (Array.isArray(r.oneOf)) yield* jsLoaderRules(r.oneOf);
    if (Array.isArray(r.rules)) yield* jsLoaderRules(r.rules);
    if (typeof r.exclude !== 'function' || !(r.test instanceof RegExp) || r[WRAPPED]) continue;
    if (!r.test.test('page.js') || !r.test.test('page.tsx')) continue;
    r[WRAPPED] = true;
    yield r;
  }
}

const WRAPPED = Symbol('pyodocs precompiled packages');
