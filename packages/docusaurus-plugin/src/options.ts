import type {OptionValidationContext} from '@docusaurus/types';
import {Joi} from '@docusaurus/utils-validation';
import {OFFICIAL_DISTRIBUTION_URL} from '@pyodocs/runtime';

/** Where readers' packages come from, and what the build ships (option `packages`). */
export interface PackagesOptions {
  /**
   * Ship the packages the site's pages need in the build: every import of
   * every cell and doctest, `packages=` meta and `pyodide.packages` front
   * matter, with their dependencies. The build fetches them once
   * (sha256-checked, cached under `node_modules/.cache/pyodocs/packages`)
   * and serves them from `<baseUrl>pyodocs/packages/`, so readers fetch
   * nothing from a third party. Packages it cannot fetch stay on the
   * official distribution (a warning), unless `strict`.
   */
  bundle: boolean;
  /** With `bundle`: a package the build cannot fetch fails the build instead of a warning. */
  strict: boolean;
  /** With `bundle`: packages to ship besides those the pages need (e.g. for readers' own experiments). */
  include: string[];
  /**
   * The official Pyodide distribution of the pinned version: where readers
   * load packages from by default, and where the build fetches the packages
   * it bundles. Change it only to point at a copy of that distribution.
   */
  distributionUrl: string;
  /** PyPI's JSON API, for bundled packages that are not in the Pyodide distribution. */
  pypiUrl: string;
  /**
   * A folder you serve yourself with a `pyodide-lock.json` and its wheels
   * (`pyodocs mirror <package…> --out static/pyodide-packages` →
   * `'/pyodide-packages/'`). Readers load packages only from there.
   */
  mirrorUrl?: string;
  /**
   * Package indexes micropip may query at run time for declared names that
   * are in no lock file (e.g. `https://pypi.org/simple/{package_name}/`).
   * Default none: a page never reaches an index the site did not choose.
   */
  indexUrls: string[];
  /** Where bundled wheels are cached between builds (relative to the site dir). */
  cacheDir: string;
  /**
   * Your page about packages (a URL, or a path on the site such as
   * `/docs/packages`, to which the site's baseUrl is added): readers' package
   * errors end with `See <url>`. Default none: no link.
   */
  helpUrl?: string;
}

/** Running cells when the site is built (option `execute`). */
export interface ExecuteOptions {
  /**
   * 'off': cells show no output until a reader runs them. 'cache': the build
   * runs every page's cells and doctests (in Pyodide under Node, with the
   * packages the browser would load) and puts their outputs in the static
   * HTML, reusing results whose code, earlier cells, packages and Pyodide
   * version did not change. 'force': run everything again. A page
   * (`pyodide.execute`) or a cell (`execute=`) can set its own.
   */
  mode: 'off' | 'cache' | 'force';
  /** 'fail': a cell that raises (without the `raises-exception` tag) fails the build; 'warn': the build goes on and says so. */
  onError: 'fail' | 'warn';
  /** Time limit of a cell at build, in seconds (a cell's `timeout=` overrides it). */
  timeoutSeconds: number;
  /** Where results and figures are kept between builds (relative to the site; persist it in CI). */
  cacheDir: string;
}

/** Options of `@pyodocs/docusaurus-plugin`, after validation (defaults applied). */
export interface PluginOptions {
  /** Plugin instance id (Docusaurus multi-instance convention). */
  id: string;
  /**
   * Which ```python fences become live cells: 'marked' (only those with the
   * `run` flag) or 'all' (every python fence except those marked `norun`).
   * A page can override this with front matter `pyodide: {runnable: ...}`.
   */
  runnable: 'marked' | 'all';
  /**
   * Base URL of the Pyodide runtime files (ending with '/'), e.g. a CDN such
   * as `https://cdn.jsdelivr.net/pyodide/v314.0.7/full/`. Unset (the
   * default), the plugin self-hosts them from the `pyodide` npm package
   * under `<baseUrl>pyodide/<version>/`.
   */
  pyodideBaseUrl?: string;
  /** Where packages come from (see {@link PackagesOptions}). */
  packages: PackagesOptions;
  /** Running cells at build (see {@link ExecuteOptions}). */
  execute: ExecuteOptions;
  /**
   * Doctest blocks (```pycon, or ```python starting with `>>> `): 'all' gives
   * each a "Try it" button (except those marked `notry`), 'marked' only those
   * marked `try`, false none. A page can set front matter `pyodide: {doctest: false}`.
   */
  doctest: 'all' | 'marked' | false;
  /**
   * Where math (`$…$`, `$$…$$`, the MyST `{math}` role and directive, `{eq}`)
   * is typeset with KaTeX at build, so readers load only KaTeX's stylesheet:
   * 'myst' in MyST notebooks (pages with `jupytext` or `kernelspec` front
   * matter), 'all' on every page, false nowhere. A page can set front matter
   * `pyodide: {math: true | false}`.
   */
  math: 'myst' | 'all' | false;
  /**
   * The site is served cross-origin isolated (COOP `same-origin` + COEP
   * `require-corp`), so Stop interrupts instead of restarting Python and
   * `input()` works. `docusaurus start` then sends those headers; for the
   * production host, configure them there (see the Robustness guide).
   */
  crossOriginIsolation: boolean;
  /** Time limit of every run in seconds (a cell's `timeout=` meta overrides it); 0: none. */
  timeoutSeconds: number;
  /**
   * Running a cell first runs the earlier cells of its session on the page
   * that have not run yet, as a notebook reader expects. A page can turn it
   * off with front matter `pyodide: {runPrevious: false}`.
   */
  runPreviousCells: boolean;
  /**
   * Keep each reader's edits of the cells in their browser's storage (per
   * site, docs version, page and cell) across navigation, reloads and later
   * visits. A page can turn it off with front matter `pyodide: {persist: false}`.
   */
  persistEdits: boolean;
  /**
   * When Python starts loading: 'intent' (the reader hovers, focuses or
   * touches a cell; never with Save-Data), 'eager' (as the page loads), or
   * 'off' (at the first Run).
   */
  preload: 'intent' | 'eager' | 'off';
  /**
   * Ship a Pyodide memory snapshot (made at build time, once per Pyodide and
   * pyodocs version, cached under `node_modules/.cache/pyodocs/snapshot`):
   * readers' Python is restored from it instead of booting, a fraction of
   * the start-up time, for ~7 MB more on the first Run. A snapshot that does
   * not match the reader's Pyodide is skipped (console warning) and Python
   * boots as without it.
   */
  memorySnapshot: boolean;
}

/** What users write in `docusaurus.config.ts`: every option is optional. */
export type Options = Partial<Omit<PluginOptions, 'packages' | 'execute'>> & {
  packages?: Partial<PackagesOptions>;
  execute?: Partial<ExecuteOptions>;
};

export const DEFAULT_PACKAGES_OPTIONS: PackagesOptions = {
  bundle: false,
  strict: false,
  include: [],
  distributionUrl: OFFICIAL_DISTRIBUTION_URL,
  pypiUrl: 'https://pypi.org',
  indexUrls: [],
  cacheDir: 'node_modules/.cache/pyodocs/packages',
};

export const DEFAULT_EXECUTE_OPTIONS: ExecuteOptions = {
  mode: 'off',
  onError: 'fail',
  timeoutSeconds: 30,
  cacheDir: 'node_modules/.cache/pyodocs/execution',
};

export const DEFAULT_OPTIONS: Omit<PluginOptions, 'id'> = {
  runnable: 'marked',
  packages: DEFAULT_PACKAGES_OPTIONS,
  execute: DEFAULT_EXECUTE_OPTIONS,
  doctest: 'all',
  math: 'myst',
  crossOriginIsolation: false,
  timeoutSeconds: 0,
  runPreviousCells: true,
  persistEdits: true,
  preload: 'intent',
  memorySnapshot: true,
};

/** Where the memory snapshot is kept between builds, relative to the site dir. */
export const MEMORY_SNAPSHOT_CACHE_DIR = 'node_modules/.cache/pyodocs/snapshot';

const PACKAGE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

function folderUrl(name: string, holds: string) {
  return Joi.string()
    .uri({allowRelative: true})
    .pattern(/\/$/, 'ending with a slash')
    .messages({
      'string.pattern.name': `"${name}" must end with "/" (it is the folder that holds ${holds}), got "{#value}"`,
    });
}

const packagesSchema = Joi.object<PackagesOptions>({
  bundle: Joi.boolean().default(DEFAULT_PACKAGES_OPTIONS.bundle),
  strict: Joi.boolean().default(DEFAULT_PACKAGES_OPTIONS.strict),
  include: Joi.array()
    .items(
      Joi.string()
        .pattern(PACKAGE_NAME)
        .messages({'string.pattern.base': '"packages.include" has an invalid package name "{#value}"'}),
    )
    .default(DEFAULT_PACKAGES_OPTIONS.include),
  distributionUrl: folderUrl('packages.distributionUrl', 'pyodide-lock.json and the wheels').default(
    DEFAULT_PACKAGES_OPTIONS.distributionUrl,
  ),
  pypiUrl: Joi.string().uri().default(DEFAULT_PACKAGES_OPTIONS.pypiUrl),
  mirrorUrl: folderUrl('packages.mirrorUrl', 'pyodide-lock.json'),
  // Templates such as https://pypi.org/simple/{package_name}/ are not URIs to Joi: check the scheme only.
  indexUrls: Joi.array()
    .items(
      Joi.string()
        .pattern(/^https?:\/\/\S+$/)
        .messages({'string.pattern.base': '"packages.indexUrls" must hold http(s) URLs, got "{#value}"'}),
    )
    .default(DEFAULT_PACKAGES_OPTIONS.indexUrls),
  cacheDir: Joi.string().default(DEFAULT_PACKAGES_OPTIONS.cacheDir),
  helpUrl: Joi.string()
    .pattern(/^(https?:\/\/\S+|\/(?!\/)\S*)$/)
    .messages({
      'string.pattern.base':
        '"packages.helpUrl" must be an http(s) URL or a path on the site starting with "/" (e.g. "/docs/packages"), got "{#value}"',
    }),
})
  .custom((value: PackagesOptions, helpers) =>
    value.bundle && value.mirrorUrl !== undefined ? helpers.error('packages.bundleAndMirror') : value,
  )
  .messages({
    'packages.bundleAndMirror':
      'Set either "packages.bundle: true" (the build ships the packages) or "packages.mirrorUrl" (a mirror you serve yourself), not both.',
  });

// Untyped map: the schema also names a retired option (packageBaseUrl) to refuse it with a hint.
export const pluginOptionsSchema: Joi.ObjectSchema<PluginOptions> = Joi.object({
  id: Joi.string().default('default'),
  runnable: Joi.string().valid('marked', 'all').default(DEFAULT_OPTIONS.runnable),
  doctest: Joi.alternatives(Joi.string().valid('all', 'marked'), Joi.boolean().valid(false)).default(
    DEFAULT_OPTIONS.doctest,
  ),
  math: Joi.alternatives(Joi.string().valid('myst', 'all'), Joi.boolean().valid(false)).default(DEFAULT_OPTIONS.math),
  crossOriginIsolation: Joi.boolean().default(DEFAULT_OPTIONS.crossOriginIsolation),
  timeoutSeconds: Joi.number().min(0).default(DEFAULT_OPTIONS.timeoutSeconds),
  runPreviousCells: Joi.boolean().default(DEFAULT_OPTIONS.runPreviousCells),
  persistEdits: Joi.boolean().default(DEFAULT_OPTIONS.persistEdits),
  preload: Joi.string().valid('intent', 'eager', 'off').default(DEFAULT_OPTIONS.preload),
  memorySnapshot: Joi.boolean().default(DEFAULT_OPTIONS.memorySnapshot),
  pyodideBaseUrl: folderUrl('pyodideBaseUrl', 'pyodide.mjs'),
  packages: packagesSchema.default(),
  execute: Joi.object<ExecuteOptions>({
    mode: Joi.string().valid('off', 'cache', 'force').default(DEFAULT_EXECUTE_OPTIONS.mode),
    onError: Joi.string().valid('fail', 'warn').default(DEFAULT_EXECUTE_OPTIONS.onError),
    timeoutSeconds: Joi.number().positive().default(DEFAULT_EXECUTE_OPTIONS.timeoutSeconds),
    cacheDir: Joi.string().default(DEFAULT_EXECUTE_OPTIONS.cacheDir),
  }).default(),
  packageBaseUrl: Joi.any().forbidden().messages({
    'any.unknown': '"packageBaseUrl" is now "packages.mirrorUrl" (set packages.mirrorUrl to the same folder URL).',
  }),
});

export function validateOptions({
  validate,
  options,
}: OptionValidationContext<Options | undefined, PluginOptions>): PluginOptions {
  return validate(pluginOptionsSchema, options ?? {});
}
