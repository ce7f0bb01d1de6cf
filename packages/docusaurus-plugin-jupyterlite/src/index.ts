import {createHash} from 'node:crypto';
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LoadContext, Plugin, PluginConfig, SwizzleConfig} from '@docusaurus/types';
import {RemarkInjectionWebpackPlugin} from '@pyodocs/docusaurus-plugin/remarkInjection';
import {copyAtomically} from './liteSite/copyAtomically.js';
import {LiteSiteAssetsPlugin} from './liteSite/LiteSiteAssetsPlugin.js';
import {resolveJupyterCommand} from './liteSite/jupyterCli.js';
import {prepareLiteSite, type PreparedLiteSite} from './liteSite/prepareLiteSite.js';
import type {SharedPyodide} from './liteSite/sharePyodide.js';
import type {PluginOptions} from './options.js';
import {remarkOpenInJupyterLite} from './remark/remarkOpenInJupyterLite.js';

export {validateOptions, pluginOptionsSchema} from './options.js';
export type {PluginOptions, Options, LiteBuildSource} from './options.js';

export const PLUGIN_NAME = 'docusaurus-plugin-jupyterlite';

/** What the browser side reads with `usePluginData(PLUGIN_NAME)`. */
export interface JupyterLiteGlobalData {
  /** URL path of the JupyterLite site, with baseUrl, ending with '/'. */
  liteUrl: string;
  /** Apps the site has (lab, notebooks, repl, ...). */
  apps: string[];
}

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CORE_PLUGIN = '@pyodocs/docusaurus-plugin';

export default function pluginJupyterLite(context: LoadContext, options: PluginOptions): Plugin<PreparedLiteSite> {
  const {baseUrl} = context.siteConfig;
  const route = options.route.replace(/^\/+/, '');
  const liteUrl = `${baseUrl}${route}`;
  const cacheDir = path.resolve(
    context.siteDir,
    options.cacheDir ?? path.join('node_modules', '.cache', 'pyodocs-jupyterlite'),
  );
  const remarkOptions = {
    importSource: '@theme/OpenInJupyterLite',
    componentName: 'PyodocsOpenInJupyterLite',
    cellName: 'PyodocsPythonCell',
  };
  // The site the last loadContent prepared (it changes when contents change during `start`).
  let latest: PreparedLiteSite | undefined;

  return {
    name: PLUGIN_NAME,

    getThemePath() {
      return '../lib/theme';
    },

    getTypeScriptThemePath() {
      return '../src/theme';
    },

    getPathsToWatch() {
      // `docusaurus start` reloads (and the cache decides whether to rebuild) when these change.
      if (options.prebuilt !== undefined) return [path.resolve(context.siteDir, options.prebuilt, 'jupyter-lite.json')];
      return (options.build?.contents ?? []).map((entry) => {
        const abs = path.resolve(context.siteDir, entry);
        return existsSync(abs) && statSync(abs).isDirectory() ? path.join(abs, '**', '*') : abs;
      });
    },

    async loadContent() {
      const prepared = await prepareLiteSite({
        siteDir: context.siteDir,
        source:
          options.prebuilt !== undefined
            ? {prebuilt: options.prebuilt}
            : {build: options.build ?? {contents: [], apps: []}},
        cacheDir,
        jupyter: resolveJupyterCommand(options.jupyter),
        python: options.python,
        pyodide: options.sharePyodide ? sharedPyodide(context) : undefined,
        cacheKeyExtra: [liteUrl, readFileSync(path.join(packageDir, 'package.json'), 'utf8')],
      });
      const log = (message: string) => console.info(`[pyodocs-jupyterlite] ${message}`);
      if (prepared.reused) {
        log(`JupyterLite site unchanged, reusing ${prepared.dir}`);
      } else if (prepared.share && !prepared.share.shared) {
        console.warn(
          `[pyodocs-jupyterlite] Warning: the JupyterLite site keeps its own Pyodide settings because ${prepared.share.reason}. Its kernel will load Pyodide from its default URL (a CDN).`,
        );
      } else if (prepared.share?.shared) {
        log(
          `JupyterLite kernel shares the site's Pyodide (kernel expects ${prepared.share.kernelPyodide}; ${prepared.share.packages.length} kernel wheels served locally)`,
        );
      }
      if (options.openInJupyterLite && !prepared.apps.includes('notebooks') && !prepared.apps.includes('lab')) {
        console.warn(
          `[pyodocs-jupyterlite] Warning: openInJupyterLite is on, but the JupyterLite site has neither the notebooks nor the lab app (it has: ${prepared.apps.join(', ') || 'none'}), so pages get no "Open in JupyterLite" button. Add 'notebooks' to build.apps (or build the prebuilt site with it), or set openInJupyterLite: false.`,
        );
      }
      latest = prepared;
      return prepared;
    },

    async contentLoaded({content, actions}) {
      const data: JupyterLiteGlobalData = {liteUrl, apps: content.apps};
      actions.setGlobalData(data);
    },

    configureWebpack(config, isServer, _utils, content) {
      const plugins: NonNullable<typeof config.plugins> = [];
      if (options.openInJupyterLite) {
        if (config.cache && typeof config.cache === 'object' && config.cache.type === 'filesystem') {
          config.cache.version = `${config.cache.version ?? ''}|pyodocs-jupyterlite:${transformCacheKey(remarkOptions)}`;
        }
        plugins.push(
          new RemarkInjectionWebpackPlugin(
            [[remarkOpenInJupyterLite, remarkOptions]],
            (entry) => Array.isArray(entry) && entry[0] === remarkOpenInJupyterLite,
          ),
        );
      }
      // `docusaurus start` serves the site from memory; `build` copies it in postBuild.
      if (!isServer && config.mode === 'development' && content) {
        plugins.push(new LiteSiteAssetsPlugin(() => latest?.dir ?? content.dir, route));
      }
      return {plugins};
    },

    async postBuild({outDir, content}) {
      copyAtomically(content.dir, path.join(outDir, route));
    },
  };
}

/**
 * The Pyodide @pyodocs/docusaurus-plugin ships: its npm package (for the
 * lock) and the URL of pyodide.mjs, honouring that plugin's pyodideBaseUrl.
 */
function sharedPyodide(context: LoadContext): SharedPyodide {
  const require = createRequire(import.meta.url);
  const fromCore = createRequire(require.resolve(`${CORE_PLUGIN}/package.json`));
  const fromRuntime = createRequire(fromCore.resolve('@pyodocs/runtime/package.json'));
  const pyodidePackage = fromRuntime.resolve('pyodide/package.json');
  const version = (JSON.parse(readFileSync(pyodidePackage, 'utf8')) as {version: string}).version;
  const coreEntry = (context.siteConfig.plugins as PluginConfig[]).find(
    (entry) => Array.isArray(entry) && entry[0] === CORE_PLUGIN,
  ) as [string, {pyodideBaseUrl?: string} | undefined] | undefined;
  const indexURL = coreEntry?.[1]?.pyodideBaseUrl ?? `${context.siteConfig.baseUrl}pyodide/${version}/`;
  return {version, dir: path.dirname(pyodidePackage), url: `${indexURL}pyodide.mjs`};
}

/** Changes whenever what our remark plugin produces could change. */
function transformCacheKey(remarkOptions: object): string {
  const hash = createHash('sha256').update(JSON.stringify(remarkOptions));
  const remarkDir = path.join(packageDir, 'lib', 'remark');
  for (const file of readdirSync(remarkDir).sort()) {
    hash.update(file).update(readFileSync(path.join(remarkDir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Tells `docusaurus swizzle` which theme components are safe to customise. */
export function getSwizzleConfig(): SwizzleConfig {
  return {
    components: {
      JupyterLiteEmbed: {
        actions: {eject: 'safe', wrap: 'safe'},
        description: 'An embedded JupyterLite app (REPL, notebook, lab) behind a click-to-load prompt.',
      },
      OpenInJupyterLite: {
        actions: {eject: 'safe', wrap: 'safe'},
        description: 'The "Open in JupyterLite" button on pages with live cells.',
      },
    },
  };
}
