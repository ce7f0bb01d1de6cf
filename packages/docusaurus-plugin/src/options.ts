import {Joi} from '@docusaurus/utils-validation';
import type {OptionValidationContext} from '@docusaurus/types';

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
   * Base URL of the Pyodide distribution (ending with '/'), e.g. a CDN such as
   * `https://cdn.jsdelivr.net/pyodide/v314.0.7/full/`. Unset (the default), the
   * plugin self-hosts the Pyodide runtime files from the `pyodide` npm package
   * under `<baseUrl>pyodide/<version>/`.
   */
  pyodideBaseUrl?: string;
  /**
   * Folder (ending with '/') holding a `pyodide-lock.json` and the wheels it
   * names, e.g. `/pyodide-packages/` for a mirror written by
   * `pyodocs mirror <package…> --out static/pyodide-packages`. Packages load
   * from there; unset, from the lock file of the Pyodide distribution.
   */
  packageBaseUrl?: string;
  /**
   * Doctest blocks (```pycon, or ```python starting with `>>> `): 'all' gives
   * each a "Try it" button (except those marked `notry`), 'marked' only those
   * marked `try`, false none. A page can set front matter `pyodide: {doctest: false}`.
   */
  doctest: 'all' | 'marked' | false;
  /**
   * The site is served cross-origin isolated (COOP `same-origin` + COEP
   * `require-corp`), so Stop interrupts instead of restarting Python and
   * `input()` works. `docusaurus start` then sends those headers; for the
   * production host, configure them there (see the Robustness guide).
   */
  crossOriginIsolation: boolean;
  /** Time limit of every run in seconds (a cell's `timeout=` meta overrides it); 0: none. */
  timeoutSeconds: number;
}

/** What users write in `docusaurus.config.ts`: every option is optional. */
export type Options = Partial<PluginOptions>;

export const DEFAULT_OPTIONS: Omit<PluginOptions, 'id'> = {
  runnable: 'marked',
  doctest: 'all',
  crossOriginIsolation: false,
  timeoutSeconds: 0,
};

export const pluginOptionsSchema = Joi.object<PluginOptions>({
  id: Joi.string().default('default'),
  runnable: Joi.string().valid('marked', 'all').default(DEFAULT_OPTIONS.runnable),
  doctest: Joi.alternatives(Joi.string().valid('all', 'marked'), Joi.boolean().valid(false)).default(
    DEFAULT_OPTIONS.doctest,
  ),
  crossOriginIsolation: Joi.boolean().default(DEFAULT_OPTIONS.crossOriginIsolation),
  timeoutSeconds: Joi.number().min(0).default(DEFAULT_OPTIONS.timeoutSeconds),
  pyodideBaseUrl: Joi.string().uri({allowRelative: true}).pattern(/\/$/, 'ending with a slash').messages({
    'string.pattern.name':
      '"pyodideBaseUrl" must end with "/" (it is the folder that holds pyodide.mjs), got "{#value}"',
  }),
  packageBaseUrl: Joi.string().uri({allowRelative: true}).pattern(/\/$/, 'ending with a slash').messages({
    'string.pattern.name':
      '"packageBaseUrl" must end with "/" (it is the folder that holds pyodide-lock.json), got "{#value}"',
  }),
});

export function validateOptions({
  validate,
  options,
}: OptionValidationContext<Options | undefined, PluginOptions>): PluginOptions {
  return validate(pluginOptionsSchema, options ?? {});
}
