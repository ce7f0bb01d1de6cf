import {Joi} from '@docusaurus/utils-validation';
import type {OptionValidationContext} from '@docusaurus/types';

/** Build the JupyterLite site with the `jupyter lite` CLI. */
export interface LiteBuildSource {
  /** Files and folders (relative to the site dir) passed as `--contents`: they appear in the file browser. */
  contents: string[];
  /** Merged into the lite dir's `jupyter-lite.json` (`jupyter-config-data` and friends). */
  config?: Record<string, unknown>;
  /** JupyterLite apps to build (`--apps`); the embed and the notebook button need repl and notebooks. */
  apps: string[];
}

/** Options of `@pyodocs/docusaurus-plugin-jupyterlite`, after validation (defaults applied). */
export interface PluginOptions {
  id: string;
  /** A folder (relative to the site dir) holding the output of `jupyter lite build`. */
  prebuilt?: string;
  /** Build the site with the `jupyter lite` CLI (cached by a hash of every input). */
  build?: LiteBuildSource;
  /** Site route of the JupyterLite site, relative to baseUrl, ending with '/'. */
  route: string;
  /** The `jupyter` executable (default: $PYODOCS_JUPYTER, else `jupyter` on PATH). */
  jupyter?: string;
  /** Python used for `pip download` of the kernel wheels (default: the one next to `jupyter`, else python3). */
  python?: string;
  /**
   * Point the Pyodide kernel at the Pyodide files @pyodocs/docusaurus-plugin
   * already ships, with a local lock for the kernel's own wheels, so nothing
   * is fetched from a CDN or PyPI. Skipped with a warning when the versions are
   * not compatible.
   */
  sharePyodide: boolean;
  /** Show "Open in JupyterLite" on pages with live cells (a page opts out with front matter `jupyterlite: false`). */
  openInJupyterLite: boolean;
  /** Where built sites and downloaded wheels are cached (default: node_modules/.cache/pyodocs-jupyterlite in the site dir). */
  cacheDir?: string;
}

export type Options = Partial<Omit<PluginOptions, 'build'>> & {build?: Partial<LiteBuildSource>};

export const DEFAULT_APPS = ['lab', 'notebooks', 'repl'];

export const pluginOptionsSchema = Joi.object<PluginOptions>({
  id: Joi.string().default('default'),
  prebuilt: Joi.string(),
  build: Joi.object({
    contents: Joi.array().items(Joi.string()).default([]),
    config: Joi.object().unknown(),
    apps: Joi.array()
      .items(Joi.string().valid('lab', 'notebooks', 'repl', 'tree', 'edit', 'consoles'))
      .default(DEFAULT_APPS),
  }),
  route: Joi.string()
    .pattern(/^[^/].*\/$|^[^/]+\/$/)
    .default('lite/')
    .messages({
      'string.pattern.base': '"route" must be relative to baseUrl and end with "/", e.g. "lite/"; got "{#value}"',
    }),
  jupyter: Joi.string(),
  python: Joi.string(),
  sharePyodide: Joi.boolean().default(true),
  openInJupyterLite: Joi.boolean().default(true),
  cacheDir: Joi.string(),
})
  .xor('prebuilt', 'build')
  .messages({
    'object.missing':
      'Set exactly one site source: "prebuilt: <folder>" (output of `jupyter lite build`) or "build" (with "contents", "config", "apps").',
    'object.xor': 'Set only one site source: "prebuilt" or "build", not both.',
  });

export function validateOptions({
  validate,
  options,
}: OptionValidationContext<Options | undefined, PluginOptions>): PluginOptions {
  return validate(pluginOptionsSchema, options ?? {});
}
