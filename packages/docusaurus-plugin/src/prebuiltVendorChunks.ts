import path from 'node:path';
import type {Chunk, Compilation, Compiler, Module, ModuleGraph} from 'webpack';

/** What a NormalModule (or mini-css-extract's CSS module) adds to a Module that matters here. */
interface ResourceModule {
  type?: string;
  resource?: string;
  resourceResolveData?: {descriptionFileData?: {name?: unknown}};
  identifier?(): string;
}

const PLUGIN_NAME = 'PyodocsPrebuiltVendorChunks';

/**
 * A library `@pyodocs/react` ships bundled and minified by its own build
 * (`lib/vendor/*.js`: CodeMirror, KaTeX, marked with DOMPurify), which only
 * its on-demand chunks (the editor, math, HTML and Markdown outputs) import.
 */
export function isPrebuiltVendorModule(module: ResourceModule): boolean {
  const name = module.resourceResolveData?.descriptionFileData?.name;
  if (name !== '@pyodocs/react' || module.resource === undefined) return false;
  return /\/lib\/vendor\/[^/]+\.js$/.test(module.resource.split(path.sep).join('/'));
}

/**
 * KaTeX's own minified stylesheet as mini-css-extract holds it, which
 * `@pyodocs/react` imports beside KaTeX (and pages with math typeset at
 * build import too).
 */
export function isKatexStylesheet(module: ResourceModule): boolean {
  if (module.type !== 'css/mini-extract' || typeof module.identifier !== 'function') return false;
  return /\/katex\/dist\/katex\.min\.css(?=$|[|?!])/.test(module.identifier().split(path.sep).join('/'));
}

/**
 * Whether only `@pyodocs/react` imports this stylesheet (its KaTeX loader).
 * A page with math typeset at build imports it too, and needs it in the
 * stylesheet its HTML links: Docusaurus links the one it makes of all CSS,
 * not the CSS chunks a page loads later.
 */
function onlyPyodocsImports(stylesheet: Module, moduleGraph: ModuleGraph): boolean {
  // mini-css-extract's CSS module is issued by the JS module its loader left.
  const imported = moduleGraph.getIssuer(stylesheet);
  if (!imported) return false;
  let importers = 0;
  for (const {originModule} of moduleGraph.getIncomingConnections(imported)) {
    const name = (originModule as ResourceModule | null)?.resourceResolveData?.descriptionFileData?.name;
    if (name !== '@pyodocs/react') return false;
    importers += 1;
  }
  return importers > 0;
}

/**
 * Each prebuilt library in a chunk of its own (`pyodocs-vendor-katex`, ...),
 * loaded beside the on-demand chunk that imports it, so that
 * {@link PrebuiltVendorChunksPlugin} can keep whole files out of the
 * minimizer; and KaTeX's stylesheet, when only the cells' math outputs use
 * it, in a CSS chunk of its own (`pyodocs-vendor-katex-css`) loaded with
 * KaTeX, instead of in the stylesheet Docusaurus makes of all CSS, which
 * every page of the site loads: 142 kB with the fonts it inlines, for pages
 * that never show math.
 */
export function prebuiltVendorCacheGroup() {
  return {
    chunks: 'async' as const,
    // Above pyodocs-cells (50), Docusaurus's `common` (40) and its `styles` (50).
    priority: 60,
    enforce: true,
    test: (module: Module, {moduleGraph}: {moduleGraph: ModuleGraph}): boolean =>
      isPrebuiltVendorModule(module as ResourceModule) ||
      (isKatexStylesheet(module as ResourceModule) && onlyPyodocsImports(module, moduleGraph)),
    name: (module: Module): string =>
      isKatexStylesheet(module as ResourceModule)
        ? 'pyodocs-vendor-katex-css'
        : `pyodocs-vendor-${path.basename((module as ResourceModule).resource ?? '', '.js')}`,
  };
}

/**
 * Marks the chunks that hold nothing but prebuilt libraries as minimized, an
 * asset flag webpack's minimizers honour (terser-webpack-plugin skips such
 * files, whether Docusaurus runs it with Terser or SWC): Terser spent 9 to
 * 11 s of CPU on CodeMirror, KaTeX, marked and DOMPurify in every build of a
 * site with cells, as long over KaTeX's minified build as over its source
 * (issue 13). The libraries' licence comments stay in those files. So do
 * the CSS minimizers, over KaTeX's minified stylesheet. A site whose own
 * minimizer ignores the flag minifies them again, as before.
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
            if (/\.(?:[cm]?js|css)$/.test(file) && compilation.getAsset(file))
              compilation.updateAsset(file, (source) => source, {minimized: true});
        }
      });
    });
  }
}

function holdsOnlyPrebuiltCode(chunk: Chunk, compilation: Compilation): boolean {
  const modules = compilation.chunkGraph.getChunkModules(chunk);
  return (
    modules.length > 0 &&
    modules.every(
      (module) => isPrebuiltVendorModule(module as ResourceModule) || isKatexStylesheet(module as ResourceModule),
    )
  );
}
