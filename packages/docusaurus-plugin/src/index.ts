import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {PyodideClientConfig} from '@pyodocs/runtime';
import {remarkPythonCells} from '@pyodocs/remark';
import {BrowserOnlyModulesPlugin} from './browserOnlyModules.js';
import {cellsChunkCacheGroup, doctestChunkCacheGroup} from './cellsChunk.js';
import {BUNDLE_PUBLIC_DIR, resolveClientConfig} from './clientConfig.js';
import type {CellBehaviour} from '@pyodocs/react';
import {BuildExecution} from './execution/BuildExecution.js';
import {buildOutputsCacheKey} from './execution/buildOutputsCacheKey.js';
import {buildOutputsConsumer} from './execution/buildOutputsConsumer.js';
import {ForcedPagesPlugin} from './execution/ForcedPagesPlugin.js';
import {remarkBuildOutputs} from './execution/remarkBuildOutputs.js';
import {PageFileWatch} from './manifest/PageFileWatch.js';
import {PageManifestCollector} from './manifest/PageManifestCollector.js';
import {remarkCollectPageManifest} from './manifest/remarkCollectPageManifest.js';
import {type SiteManifestConsumer, SiteManifestPlugin} from './manifest/SiteManifestPlugin.js';
import {OnDemandChunksMinifierPlugin} from './onDemandChunksMinifier.js';
import {assertOneInstance} from './oneInstance.js';
import {MEMORY_SNAPSHOT_CACHE_DIR, type PluginOptions} from './options.js';
import {packageBundleConsumer} from './packages/packageBundleConsumer.js';
import {pageDataConsumer} from './pages/pageDataConsumer.js';
import {PrecompiledPackagesWebpackPlugin, precompiledPackageFolders} from './precompiledPackages.js';
import {
  cellStylesheetConsumer,
  cellStylesheetTag,
  resolveCellStylesheet,
  type CellStylesheet,
} from './cellStylesheet.js';
import {katexStylesheetAlias, katexStylesheetConsumer, resolveKatexStylesheet} from './katexStylesheet.js';
import {
  PrebuiltVendorChunksPlugin,
  prebuiltVendorCacheGroup,
  withPrebuiltVendorBundles,
} from './prebuiltVendorChunks.js';
import {pageRoutes} from './pages/pageRoutes.js';
import {onBrokenImage, onBrokenReference} from './pages/brokenReferences.js';
import {imageResolver} from './pages/imageAssets.js';
import {contentRootResolver, documentResolver} from './pages/documentLinks.js';
import {referenceResolver} from './pages/sectionLabels.js';
import {type SitePage, sitePagesOnce} from './pages/sitePages.js';
import {stripNotebookMarkersFromExcerpts} from './pages/notebookExcerpts.js';
import {remarkTocMath} from './pages/remarkTocMath.js';
import {mystMarkdownAsCommonMark} from './pages/mystMarkdownFormat.js';
import {MystNotebookFormatHintPlugin, mystNotebooksReadAsMdx} from './pages/mystNotebookFormatHint.js';
import {rehypeCodeFromStaticChild} from './rehypeCodeFromStaticChild.js';
import {RemarkInjectionWebpackPlugin} from './remarkInjection.js';
import {resolveRuntimeAssets, runtimeAssetsConsumer} from './runtimeAssets.js';
import {ServerOutputRenderersPlugin} from './serverOutputRenderers.js';
import {remarkCellsNotScanned} from './siteScan/remarkCellsNotScanned.js';
import {siteMayHaveBuildOutputs} from './siteScan/siteMayHaveBuildOutputs.js';
import {siteMayHaveCells} from './siteScan/siteMayHaveCells.js';
import {readSiteSources} from './siteScan/siteSources.js';
import {PLUGIN_NAME, type PyodocsSiteFacts} from './siteFacts.js';
import {type MemorySnapshotFile, memorySnapshotConsumer, resolveMemorySnapshotFile} from './snapshot/memorySnapshot.js';
import {inlineSuspenseBoundariesRule} from './staticHtml/inlineSuspenseBoundaries.js';

export type {PackagesOptions, PluginOptions, Options} from './options.js';
export {DEFAULT_OPTIONS, pluginOptionsSchema, validateOptions} from './options.js';
export type {SitePage} from './pages/sitePages.js';
export type {PyodocsSiteFacts} from './siteFacts.js';
export {PLUGIN_NAME, readPyodocsSiteFacts} from './siteFacts.js';
export type {SiteManifest} from './manifest/SiteManifest.js';
export {getSwizzleConfig} from './swizzleConfig.js';

/**
 * The module the theme imports the client data from: a file of the build's
 * generated data (createData) under this name, not global data, which every
 * page's main.js would carry (issue 13).
 */
const CLIENT_DATA_MODULE = '@pyodocs/docusaurus-plugin/clientData';

/** What the browser side imports from `CLIENT_DATA_MODULE`. */
export interface PyodocsGlobalData {
  /** Everything the tab's Python client needs, resolved from the plugin options. */
  config: PyodideClientConfig;
  /** How cells behave for the reader (contract C8). */
  cells: CellBehaviour;
  /** URL of the copy of KaTeX's stylesheet the site serves, which the cells' math outputs link (katexStylesheet.ts). */
  katexStylesheet: string;
}

/** How cells behave for the reader (the plugin options `runPreviousCells`, `persistEdits`, `preload`): React's own type. */
export type {CellBehaviour};

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export default function pluginPyodocs(context: LoadContext, options: PluginOptions): Plugin<PyodocsSiteFacts> {
  const assets = resolveRuntimeAssets();
  const katexStylesheet = resolveKatexStylesheet();
  const {baseUrl} = context.siteConfig;
  let config = resolveClientConfig(options, assets, baseUrl);
  const fileWatch = new PageFileWatch();
  const remarkOptions = {
    onFileRead: fileWatch.read,
    // MyST {doc} and {ref} roles link the site's pages and labelled sections (known once allContentLoaded ran).
    resolveDocument: documentResolver(() => loadedPages),
    resolveReference: referenceResolver(() => loadedPages),
    // A {doc} or {ref} to nothing is a broken Markdown link: reported as the site reports those.
    onBrokenReference: onBrokenReference(context.siteConfig.markdown),
    // MyST {image} and {figure} files are bundled as Markdown images are; a missing one is a broken image.
    resolveImage: imageResolver(
      context.siteDir,
      context.siteConfig.staticDirectories ?? ['static'],
      contentRootResolver(() => loadedPages),
    ),
    onBrokenImage: onBrokenImage(context.siteConfig.markdown),
    // sphinx-design's {tab-set} and {tab-item} are the theme's tabs.
    tabComponents: {tabs: '@theme/Tabs', tabItem: '@theme/TabItem'},
    runnable: options.runnable,
    importSource: '@theme/PythonCell',
    doctest: options.doctest,
    doctestImportSource: '@theme/PythonDoctest',
    math: options.math,
  };
  const cells: CellBehaviour = {
    runPrevious: options.runPreviousCells,
    persistEdits: options.persistEdits,
    preload: options.preload,
  };
  // Until the scan of a production build says otherwise (allContentLoaded):
  // `docusaurus start` keeps the cell components, since a page edited while
  // it runs may gain a cell, and `swizzle` lists them.
  let siteHasCells = true;
  // Likewise, whether a cell may show outputs in the static HTML (the server bundle's renderers).
  let siteMayHaveOutputs = true;
  /** The generated file `CLIENT_DATA_MODULE` resolves to, once allContentLoaded wrote it (only on sites with cells). */
  let clientDataFile: string | undefined;
  const runtimeRequiredBy = new Set<string>();
  const collector = new PageManifestCollector();
  let routes: ReadonlyMap<string, readonly string[]> = new Map();
  let loadedPages: readonly SitePage[] = [];
  let notebooksReadAsMdx: ReadonlySet<string> = new Set();
  const sitePages = sitePagesOnce(context.siteDir);
  stripNotebookMarkersFromExcerpts(context.siteConfig.markdown);
  const consumers: SiteManifestConsumer[] = [
    runtimeAssetsConsumer(assets, {
      selfHostPyodide: options.pyodideBaseUrl === undefined,
      requiredBy: runtimeRequiredBy,
    }),
    katexStylesheetConsumer(katexStylesheet),
  ];
  // The cells' styles: a file of the site, linked from every page's head when the site has cells (cellStylesheet.ts).
  let cellStylesheet: CellStylesheet | undefined;
  const cellStyles = () => (cellStylesheet ??= resolveCellStylesheet());
  consumers.push(cellStylesheetConsumer(cellStyles, () => siteHasCells));
  // Its name (a hash of Pyodide and the kernel) is known before any page is compiled: loadContent puts it in the config.
  let snapshotFile: Promise<MemorySnapshotFile> | undefined;
  const memorySnapshotFile = () => {
    snapshotFile ??= resolveMemorySnapshotFile();
    return snapshotFile;
  };
  if (options.memorySnapshot) {
    consumers.push(
      memorySnapshotConsumer({
        file: memorySnapshotFile,
        cacheDir: path.resolve(context.siteDir, MEMORY_SNAPSHOT_CACHE_DIR),
      }),
    );
  }
  consumers.push(pageDataConsumer({baseUrl, siteDir: context.siteDir, routes: () => routes}));
  const execution = new BuildExecution({
    execute: options.execute,
    packages: options.packages,
    siteDir: context.siteDir,
    baseUrl,
  });
  consumers.push(buildOutputsConsumer(execution));
  if (options.packages.bundle) {
    consumers.push(
      packageBundleConsumer({packages: options.packages, siteDir: context.siteDir, publicDir: BUNDLE_PUBLIC_DIR}),
    );
  }

  return {
    name: PLUGIN_NAME,

    // A site without cells gets a theme path with no components: no Root
    // or layout wrappers on its pages, nothing in its build output (issue 13).
    getThemePath() {
      return siteHasCells ? '../lib/theme' : '../theme-none';
    },

    getTypeScriptThemePath() {
      return '../src/theme';
    },

    // Also where `docusaurus write-translations` looks for translate() calls
    // besides the theme: the cells' labels live in themeSupport/ (code the
    // theme components share that is not itself a swizzlable component).
    getPathsToWatch() {
      return [fileURLToPath(new URL('./themeSupport', import.meta.url))];
    },

    // Not a client module: bundled, the stylesheet cost every build the site's CSS pipeline (cellStylesheet.ts).
    injectHtmlTags() {
      return siteHasCells ? {headTags: [cellStylesheetTag(cellStyles(), baseUrl)]} : {};
    },

    async loadContent() {
      if (options.memorySnapshot) {
        config = {...config, snapshotUrl: `${baseUrl}${(await memorySnapshotFile()).publicPath}`};
      }
      return {
        pyodideVersion: assets.pyodideVersion,
        pyodideDir: assets.pyodideDir,
        indexURL: config.indexURL,
        clientConfig: config,
        requireRuntimeFiles: (by: string) => runtimeRequiredBy.add(by),
        sitePages,
      };
    },

    // That the site lists the plugin once; which permalink each content file
    // has, for the page data files (C7); whether any page may have a cell (a
    // production build only, see siteHasCells).
    async allContentLoaded({allContent, actions}) {
      assertOneInstance(allContent);
      const pages = sitePages(allContent);
      loadedPages = pages;
      routes = pageRoutes(pages);
      notebooksReadAsMdx = mystNotebooksReadAsMdx(pages);
      if (process.env.NODE_ENV === 'production') {
        const sources = readSiteSources(pages, context.siteDir);
        siteHasCells = siteMayHaveCells(sources, options);
        siteMayHaveOutputs = siteHasCells && siteMayHaveBuildOutputs(sources, options.execute);
      }
      if (siteHasCells) {
        const data: PyodocsGlobalData = {config, cells, katexStylesheet: `${baseUrl}${katexStylesheet.publicPath}`};
        clientDataFile = await actions.createData('clientData.json', JSON.stringify(data));
      }
    },

    configureWebpack(webpackConfig, isServer) {
      // Webpack's persistent cache keys compiled MDX by file content only: a
      // changed option or a new version of our remark plugin would otherwise
      // be invisible until `docusaurus clear`.
      if (webpackConfig.cache && typeof webpackConfig.cache === 'object' && webpackConfig.cache.type === 'filesystem') {
        // So do the execute options, Pyodide, the package sources and the code that runs cells (the outputs compiled into pages).
        const outputsKey = buildOutputsCacheKey({
          execute: options.execute,
          packages: options.packages,
          pyodideVersion: assets.pyodideVersion,
        });
        // And what the scans decided: a module a stand-in replaces keeps its identifier, so the cache would hand back the real one.
        webpackConfig.cache.version = `${webpackConfig.cache.version ?? ''}|pyodocs:${transformCacheKey({...remarkOptions, outputsKey, siteHasCells, siteMayHaveOutputs, mystMarkdown: 'commonmark: notebooks, pages with directives'})}`;
      }
      // Where our precompiled browser code is: kept off the site's JS loader.
      const ownFolders = precompiledPackageFolders();
      const plugins: NonNullable<typeof webpackConfig.plugins> = [
        new RemarkInjectionWebpackPlugin(
          {
            remark: [
              [remarkPythonCells, remarkOptions],
              ...(siteHasCells ? [] : [[remarkCellsNotScanned]]),
              [remarkTocMath, {maintainCase: context.siteConfig.markdown.anchors?.maintainCase ?? false}],
              [remarkBuildOutputs, {execution, elementNames: ['PyodocsPythonCell', 'PyodocsDoctest']}],
              [remarkCollectPageManifest, {collector}],
            ],
            rehype: [[rehypeCodeFromStaticChild, {elementName: 'PyodocsPythonCell'}]],
          },
          (entry) => Array.isArray(entry) && entry[0] === remarkPythonCells,
          // `{include}`d files become dependencies of the page's module (rebuilt when they change).
          {
            loader: fileURLToPath(new URL('./manifest/includedFilesLoader.js', import.meta.url)),
            options: {includedFiles: (page: string) => collector.get(page)?.manifest.includes, fileWatch},
          },
          // MyST Markdown in .md files (notebooks, pages with directives) is CommonMark, as in Jupyter, whatever the site's markdown.format.
          mystMarkdownAsCommonMark,
        ),
        new ForcedPagesPlugin(execution.forcedPages),
        // A linked (workspace) install of our packages builds like an installed one: not through the site's Babel.
        new PrecompiledPackagesWebpackPlugin(ownFolders),
        // A MyST notebook that fails to compile as MDX: its error says why and how to read it as CommonMark.
        new MystNotebookFormatHintPlugin(() => notebooksReadAsMdx, context.siteDir),
      ];
      // The server compiler compiles the same pages again; the site manifest
      // and our files come from the client compiler alone.
      if (!isServer) plugins.push(new SiteManifestPlugin(collector, consumers));
      // The run code, the editor and CodeMirror never run while a page renders: out of the server bundle.
      if (isServer && siteHasCells) plugins.push(new BrowserOnlyModulesPlugin());
      // Neither do the output renderers, on a site whose cells can have no outputs at build.
      if (isServer && siteHasCells && !siteMayHaveOutputs) plugins.push(new ServerOutputRenderersPlugin());
      // CodeMirror, KaTeX, marked and DOMPurify come minified by @pyodocs/react's build: their chunks skip the site's minimizer.
      if (!isServer && siteHasCells) plugins.push(new PrebuiltVendorChunksPlugin());
      // The code cells load on demand, minified by esbuild beside the site's Terser: see onDemandChunksMinifier.ts.
      if (!isServer && siteHasCells) plugins.push(new OnDemandChunksMinifierPlugin());
      // Docusaurus merges the returned devServer into its own: `docusaurus
      // start` then serves the page cross-origin isolated (shared memory).
      const devServer = options.crossOriginIsolation
        ? {headers: {'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp'}}
        : undefined;
      // Merged into Docusaurus's splitChunks by webpack-merge.
      const optimization =
        isServer || !siteHasCells
          ? {}
          : {
              optimization: {
                splitChunks: {
                  cacheGroups: {
                    pyodocsCells: cellsChunkCacheGroup(clientDataFile),
                    pyodocsDoctest: doctestChunkCacheGroup(),
                    pyodocsVendor: prebuiltVendorCacheGroup(),
                  },
                },
              },
            };
      // Only pages with cells import the client data (with the cells' code): see CLIENT_DATA_MODULE.
      // KaTeX's stylesheet is linked from the site's copy, not bundled: see katexStylesheet.ts.
      const resolve = clientDataFile
        ? {resolve: {alias: {[`${CLIENT_DATA_MODULE}$`]: clientDataFile, ...katexStylesheetAlias(katexStylesheet)}}}
        : {};
      // The static HTML has the cells and their outputs in place, not hidden until a script reveals them: see inlineSuspenseBoundaries.ts.
      // CodeMirror, KaTeX, marked and DOMPurify are taken as @pyodocs/react's build bundled them, unparsed.
      const module = siteHasCells
        ? {
            module: {
              noParse: withPrebuiltVendorBundles(webpackConfig.module?.noParse),
              ...(isServer ? {rules: [inlineSuspenseBoundariesRule()]} : {}),
            },
          }
        : {};
      return devServer
        ? {plugins, devServer, ...optimization, ...resolve, ...module}
        : {plugins, ...optimization, ...resolve, ...module};
    },

    // The build is over: the Pyodide that ran cells at build must not keep Node alive.
    async postBuild() {
      await execution.close();
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
  // Our own build code too: what it records for each page (the manifest in buildInfo) is cached with the page.
  const lib = path.join(packageDir, 'lib');
  for (const file of readdirSync(lib, {recursive: true, encoding: 'utf8'}).sort()) {
    if (file.endsWith('.js') && !file.startsWith('theme')) hash.update(file).update(readFileSync(path.join(lib, file)));
  }
  hash.update(readFileSync(path.join(packageDir, 'package.json')));
  return hash.digest('hex').slice(0, 16);
}
