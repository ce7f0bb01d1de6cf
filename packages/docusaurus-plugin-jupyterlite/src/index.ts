import {existsSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LoadContext, Plugin, SwizzleConfig} from '@docusaurus/types';
import {type PyodocsSiteFacts, readPyodocsSiteFacts} from '@pyodocs/docusaurus-plugin';
import {copyAtomically} from './liteSite/copyAtomically.js';
import {LiteSiteAssetsPlugin} from './liteSite/LiteSiteAssetsPlugin.js';
import {resolveJupyterCommand} from './liteSite/jupyterCli.js';
import {prepareLiteSite, type PreparedLiteSite} from './liteSite/prepareLiteSite.js';
import type {SharedPyodide} from './liteSite/sharePyodide.js';
import type {PluginOptions} from './options.js';
import {pagesWithoutOpenInJupyterLite} from './pages/pagesWithoutOpenInJupyterLite.js';

export {validateOptions, pluginOptionsSchema} from './options.js';
export type {PluginOptions, Options, LiteBuildSource} from './options.js';

export const PLUGIN_NAME = 'docusaurus-plugin-jupyterlite';

/** What the browser side reads with `usePluginData(PLUGIN_NAME)`. */
export interface JupyterLiteGlobalData {
  /** URL path of the JupyterLite site, with baseUrl, ending with '/'. */
  liteUrl: string;
  /** Apps the site has (lab, notebooks, repl, ...). */
  apps: string[];
  /** Which prepared site is served (its cache folder's name). */
  site: string;
  /** The `openInJupyterLite` option: the button among the page's Python actions. */
  openInJupyterLite: boolean;
  /** Permalinks of the pages whose front matter says `open_in_jupyterlite: false`. */
  pagesWithoutOpenInJupyterLite: string[];
}

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export default function pluginJupyterLite(context: LoadContext, options: PluginOptions): Plugin<void> {
  const {baseUrl} = context.siteConfig;
  const route = options.route.replace(/^\/+/, '');
  const liteUrl = `${baseUrl}${route}`;
  const cacheDir = path.resolve(
    context.siteDir,
    options.cacheDir ?? path.join('node_modules', '.cache', 'pyodocs-jupyterlite'),
  );
  // The site allContentLoaded prepared last (it changes when contents change during `start`).
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

    // After every plugin loaded its content: the core plugin's facts (which
    // Pyodide the site serves, and where) are known, and the kernel shares them.
    async allContentLoaded({allContent, actions}) {
      const facts = readPyodocsSiteFacts(allContent);
      if (options.sharePyodide && facts === undefined) {
        console.warn(
          `[pyodocs-jupyterlite] Warning: sharePyodide is on, but the site does not use @pyodocs/docusaurus-plugin, so there is no Pyodide to share. Its kernel will load Pyodide from its default URL (a CDN). Add the core plugin, or set sharePyodide: false.`,
        );
      }
      const pyodide = options.sharePyodide && facts ? sharedPyodide(facts) : undefined;
      const prepared = await prepareLiteSite({
        siteDir: context.siteDir,
        source:
          options.prebuilt !== undefined
            ? {prebuilt: options.prebuilt}
            : {build: options.build ?? {contents: [], apps: []}},
        cacheDir,
        jupyter: resolveJupyterCommand(options.jupyter),
        python: options.python,
        pyodide,
        cacheKeyExtra: [liteUrl, readFileSync(path.join(packageDir, 'package.json'), 'utf8')],
      });
      const log = (message: string) => console.info(`[pyodocs-jupyterlite] ${message}`);
      if (prepared.reused) {
        // `docusaurus start` runs this again after any plugin reloads: say it once.
        if (latest?.dir !== prepared.dir) log(`JupyterLite site unchanged, reusing ${prepared.dir}`);
      } else if (prepared.share && !prepared.share.shared) {
        console.warn(
          `[pyodocs-jupyterlite] Warning: the JupyterLite site keeps its own Pyodide settings because ${prepared.share.reason}. Its kernel will load Pyodide from its default URL (a CDN).`,
        );
      } else if (prepared.share?.shared) {
        log(
          `JupyterLite kernel shares the site's Pyodide ${facts?.pyodideVersion} (${prepared.share.packages.length} kernel wheels served locally)`,
        );
      }
      // The kernel loads the site's Pyodide files: the site must serve them even without cells.
      if (prepared.share?.shared) facts?.requireRuntimeFiles(PLUGIN_NAME);
      if (options.openInJupyterLite && !prepared.apps.includes('notebooks') && !prepared.apps.includes('lab')) {
        console.warn(
          `[pyodocs-jupyterlite] Warning: openInJupyterLite is on, but the JupyterLite site has neither the notebooks nor the lab app (it has: ${prepared.apps.join(', ') || 'none'}), so pages get no "Open in JupyterLite" button. Add 'notebooks' to build.apps (or build the prebuilt site with it), or set openInJupyterLite: false.`,
        );
      }
      latest = prepared;
      // `site` changes with the prepared site: a changed global data file makes `docusaurus start` rebuild, so the new files are served.
      const data: JupyterLiteGlobalData = {
        liteUrl,
        apps: prepared.apps,
        site: path.basename(prepared.dir),
        openInJupyterLite: options.openInJupyterLite,
        // Without the core plugin no page has cells, so none has the button to hide.
        pagesWithoutOpenInJupyterLite:
          options.openInJupyterLite && facts ? pagesWithoutOpenInJupyterLite(facts.sitePages(allContent)) : [],
      };
      actions.setGlobalData(data);
    },

    configureWebpack(config, isServer) {
      const plugins: NonNullable<typeof config.plugins> = [];
      // `docusaurus start` serves the site from memory; `build` copies it in postBuild.
      if (!isServer && config.mode === 'development') {
        plugins.push(new LiteSiteAssetsPlugin(() => latest?.dir, route));
      }
      return {plugins};
    },

    async postBuild({outDir}) {
      if (latest) copyAtomically(latest.dir, path.join(outDir, route));
    },
  };
}

/** The Pyodide the core plugin serves, as the kernel will load it: its npm package (for the lock) and pyodide.mjs's URL. */
function sharedPyodide(facts: PyodocsSiteFacts): SharedPyodide {
  return {version: facts.pyodideVersion, dir: facts.pyodideDir, url: `${facts.indexURL}pyodide.mjs`};
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
        description: 'The "Open in JupyterLite" button, one of the page’s Python actions on pages with live cells.',
      },
    },
  };
}
