import {createHash} from 'node:crypto';
import {readFileSync, readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LoadContext, Plugin, SwizzleConfig} from '@docusaurus/types';
import {remarkPythonCells} from '@pyodocs/remark';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import type {PluginOptions} from './options.js';
import {RemarkInjectionWebpackPlugin} from './remarkInjection.js';
import {PYODIDE_RUNTIME_FILES, resolveRuntimeAssets} from './runtimeAssets.js';

export {validateOptions, pluginOptionsSchema, DEFAULT_OPTIONS} from './options.js';
export type {PluginOptions, Options} from './options.js';

export const PLUGIN_NAME = 'docusaurus-plugin-pyodocs';

/** What the browser side reads with `usePluginData(PLUGIN_NAME)`. */
export interface PyodocsGlobalData {
  /** Base URL of the Pyodide files, ending with '/'. */
  indexURL: string;
  /** URL of the runtime's module worker. */
  workerUrl: string;
  /** Folder with pyodide-lock.json and wheels (option packageBaseUrl), if set. */
  packageBaseUrl?: string;
  /** Default time limit of a run in seconds (option timeoutSeconds), if set. */
  timeoutSeconds?: number;
}

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export default function pluginPyodocs(context: LoadContext, options: PluginOptions): Plugin<void> {
  const assets = resolveRuntimeAssets();
  const {baseUrl} = context.siteConfig;
  const remarkOptions = {
    runnable: options.runnable,
    importSource: '@theme/PythonCell',
    doctest: options.doctest,
    doctestImportSource: '@theme/PythonDoctest',
  };
  const globalData: PyodocsGlobalData = {
    indexURL: options.pyodideBaseUrl ?? `${baseUrl}${assets.pyodidePublicDir}`,
    workerUrl: `${baseUrl}${assets.workerPublicPath}`,
    ...(options.packageBaseUrl ? {packageBaseUrl: options.packageBaseUrl} : {}),
    ...(options.timeoutSeconds ? {timeoutSeconds: options.timeoutSeconds} : {}),
  };

  return {
    name: PLUGIN_NAME,

    getThemePath() {
      return '../lib/theme';
    },

    getTypeScriptThemePath() {
      return '../src/theme';
    },

    getClientModules() {
      return [createRequire(import.meta.url).resolve('@pyodocs/react/styles.css')];
    },

    async contentLoaded({actions}) {
      actions.setGlobalData(globalData);
    },

    configureWebpack(config, isServer) {
      // Webpack's persistent cache keys compiled MDX by file content only: a
      // changed option or a new version of our remark plugin would otherwise
      // be invisible until `docusaurus clear`.
      if (config.cache && typeof config.cache === 'object' && config.cache.type === 'filesystem') {
        config.cache.version = `${config.cache.version ?? ''}|pyodocs:${transformCacheKey(remarkOptions)}`;
      }
      const plugins: NonNullable<typeof config.plugins> = [
        new RemarkInjectionWebpackPlugin(
          [[remarkPythonCells, remarkOptions]],
          (entry) => Array.isArray(entry) && entry[0] === remarkPythonCells,
        ),
      ];
      if (!isServer) {
        // Copied as webpack assets so `docusaurus start` serves them from
        // memory and `docusaurus build` writes them; `minimized` keeps Terser
        // away from the 1.2 MB pyodide.asm.mjs and our already-bundled worker.
        const patterns = [
          {from: assets.workerFile, to: assets.workerPublicPath, info: {minimized: true}},
          ...(options.pyodideBaseUrl
            ? []
            : PYODIDE_RUNTIME_FILES.map((file) => ({
                from: path.join(assets.pyodideDir, file),
                to: `${assets.pyodidePublicDir}${file}`,
                info: {minimized: true},
              }))),
        ];
        plugins.push(new CopyWebpackPlugin({patterns}));
      }
      // Docusaurus merges the returned devServer into its own: `docusaurus
      // start` then serves the page cross-origin isolated (shared memory).
      const devServer = options.crossOriginIsolation
        ? {headers: {'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp'}}
        : undefined;
      return devServer ? {plugins, devServer} : {plugins};
    },
  };
}

/** Tells `docusaurus swizzle` which theme components are safe to customise. */
export function getSwizzleConfig(): SwizzleConfig {
  return {
    components: {
      PythonCell: {
        actions: {eject: 'safe', wrap: 'safe'},
        description:
          'A live Python cell (static code, Run / Stop / Reset, outputs). Wrap it to add chrome around every cell.',
      },
      PythonDoctest: {
        actions: {eject: 'safe', wrap: 'safe'},
        description: 'A documented doctest example with a "Try it" button that turns it into a live, checked cell.',
      },
      Root: {
        actions: {eject: 'forbidden', wrap: 'forbidden'},
        description: "Mounts the tab's single Python runtime; not meant to be customised.",
      },
    },
  };
}

/** Changes whenever what our remark plugin produces could change. */
function transformCacheKey(remarkOptions: object): string {
  const require = createRequire(import.meta.url);
  const remarkLib = path.dirname(require.resolve('@pyodocs/remark'));
  const hash = createHash('sha256').update(JSON.stringify(remarkOptions));
  for (const file of readdirSync(remarkLib, {recursive: true, encoding: 'utf8'}).sort()) {
    if (file.endsWith('.js')) {
      hash.update(file).update(readFileSync(path.join(remarkLib, file)));
    }
  }
  hash.update(readFileSync(path.join(packageDir, 'package.json')));
  return hash.digest('hex').slice(0, 16);
}
