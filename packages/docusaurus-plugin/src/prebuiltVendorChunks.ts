import path from 'node:path';
import type {Chunk, Compilation, Compiler, Configuration, Module} from 'webpack';
import {realPackageFolder} from './precompiledPackages.js';

/** What a NormalModule adds to a Module that matters here. */
interface ResourceModule {
  resource?: string;
  resourceResolveData?: {descriptionFileData?: {name?: unknown}};
}

const PLUGIN_NAME = 'PyodocsPrebuiltVendorChunks';

/**
 * A library `@pyodocs/react` ships bundled and minified by its own build
 * (`lib/vendor/*.cjs`: CodeMirror, KaTeX, marked with DOMPurify, each with
 * a `lib/vendor/*.js` that re-exports it as ESM), which only its on-demand
 * chunks (the editor, math, HTML and Markdown outputs) import.
 */
export function isPrebuiltVendorModule(module: ResourceModule): boolean {
  const name = module.resourceResolveData?.descriptionFileData?.name;
  if (name !== '@pyodocs/react' || module.resource === undefined) return false;
  return /\/lib\/vendor\/[^/]+\.c?js$/.test(module.resource.split(path.sep).join('/'));
}

/**
 * The bundles themselves, for webpack's `module.noParse`: each is one
 * minified file that imports nothing and exports through `module.exports`,
 * so webpack can take it as it is. Parsing their 0.7 MB (0.35 MB on the
 * server, which has no editor) in every build of a site with cells took
 * webpack's parser from 1.3 s of the main thread (plain fences) to 2.0 s;
 * 1.6 s without them (issue 13, build row). Matched by real path, as
 * webpack resolves a linked or an installed @pyodocs/react.
 */
export function prebuiltVendorBundles(): RegExp {
  const lib = path.join(realPackageFolder('@pyodocs/react'), 'lib', 'vendor');
  return new RegExp(`^${lib.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\\\/][^\\\\/]+\\.cjs$`);
}

type NoParse = NonNullable<NonNullable<Configuration['module']>['noParse']>;

/** `noParse` as the site had it, with {@link prebuiltVendorBundles} added (webpack-merge would replace a single value). */
export function withPrebuiltVendorBundles(existing: NoParse | undefined): Extract<NoParse, unknown[]> {
  const site = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  return [...site, prebuiltVendorBundles()];
}

/**
 * Each prebuilt library in a chunk of its own (`pyodocs-vendor-katex`, ...),
 * loaded beside the on-demand chunk that imports it, so that
 * {@link PrebuiltVendorChunksPlugin} can keep whole files out of the
 * minimizer. (KaTeX's stylesheet is not bundled: katexStylesheet.ts.)
 */
export function prebuiltVendorCacheGroup() {
  return {
    chunks: 'async' as const,
    // Above pyodocs-cells (50) and Docusaurus's `common` (40).
    priority: 60,
    enforce: true,
    test: (module: Module): boolean => isPrebuiltVendorModule(module as ResourceModule),
    // The bundle (katex.cjs) and its re-export (katex.js) share one chunk.
    name: (module: Module): string =>
      `pyodocs-vendor-${path.basename((module as ResourceModule).resource ?? '').replace(/\.c?js$/, '')}`,
  };
}

/**
 * Marks the chunks that hold nothing but prebuilt libraries as minimized, an
 * asset flag webpack's minimizers honour (terser-webpack-plugin skips such
 * files, whether Docusaurus runs it with Terser or SWC): Terser spent 9 to
 * 11 s of CPU on CodeMirror, KaTeX, marked and DOMPurify in every build of a
 * site with cells, as long over KaTeX's minified build as over its source
 * (issue 13). The libraries' licence comments stay in those files. A site
 * whose own minimizer ignores the flag minifies them again, as before.
 */
export class PrebuiltVendorChunksPlugin {
  apply(compiler: Compiler): void {
    const {Compilation} = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      // Before the minimizers (PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE).
      compilation.hooks.processAssets.tap({name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE}, () => {
        for (const chunk of compilation.chunks) {
          if (!holdsOnlyPrebuiltCode(chunk, compilation)) continue;
          for (const file of chunk.files)
            if (/\.[cm]?js$/.test(file) && compilation.getAsset(file))
              compilation.updateAsset(file, (source) => source, {minimized: true});
        }
      });
    });
  }
}

function holdsOnlyPrebuiltCode(chunk: Chunk, compilation: Compilation): boolean {
  const modules = compilation.chunkGraph.getChunkModules(chunk);
  return modules.length > 0 && modules.every((module) => isPrebuiltVendorModule(module as ResourceModule));
}
