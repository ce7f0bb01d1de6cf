import {transform} from 'esbuild';
import type {Chunk, Compilation, Compiler, Module} from 'webpack';
import {CELLS_CHUNK, DOCTEST_CHUNK, isCellPackageModule, isDoctestModule} from './cellsChunk.js';

const PLUGIN_NAME = 'PyodocsOnDemandChunksMinifier';

/** What terser-webpack-plugin (5.x) keeps of its options; read only to tell its set-up. */
interface SiteTerserPlugin {
  options?: {test?: unknown; include?: unknown; exclude?: unknown; minimizer?: {implementation?: unknown}};
}

/** The files the site's Terser minifies (its test/include/exclude), or undefined where we leave its minimizer alone. */
type TerserFilter = {test?: never; include?: never; exclude?: never};

/**
 * Minifies the chunks of code that cells load on demand (the run code, the
 * editor's set-up, the `input()` field, the saved edits' storage, the
 * output renderers; not the chunks a page loads with its route) with
 * esbuild, and flags them minimized so that the site's Terser skips them.
 *
 * terser-webpack-plugin gives Terser one worker less than the machine has
 * cores while the main thread waits: on a 2-core machine every chunk of the
 * site goes through one worker, one after another. esbuild minifies the
 * same chunks in a few tens of milliseconds in its own process (issue 13,
 * build row: 34 alternating pairs of builds, 0.3 to 1.0 s less per build,
 * see the Performance page). Its output is 5 to 15 % larger gzipped than
 * Terser's, which is why the chunks every page with cells loads
 * (`pyodocs-cells`, `pyodocs-doctest`) stay with the site's Terser: they
 * count against the page's budget, the on-demand ones load once per tab.
 * The prebuilt libraries' chunks are flagged minimized earlier
 * (prebuiltVendorChunks.ts) and left alone here too.
 *
 * Only for a site minifying with terser-webpack-plugin's own Terser
 * (Docusaurus's default) and without source maps: with SWC (Docusaurus
 * Faster), Rspack, a minimizer of the site's own, source maps or
 * `minimize: false`, the site's minimizer does every chunk as before.
 */
export class OnDemandChunksMinifierPlugin {
  apply(compiler: Compiler): void {
    const filter = siteTerserFilter(compiler);
    if (filter === undefined) return;
    const {Compilation, ModuleFilenameHelpers, WebpackError, sources} = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      // Just before the site's minimizer (PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE).
      compilation.hooks.processAssets.tapPromise(
        {name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1},
        async () => {
          const assets: {file: string; code: string}[] = [];
          for (const chunk of compilation.chunks) {
            if (!isOnDemandCellsChunk(chunk, compilation)) continue;
            for (const file of chunk.files) {
              const asset = compilation.getAsset(file);
              if (asset === undefined || asset.info.minimized || !file.endsWith('.js')) continue;
              if (ModuleFilenameHelpers.matchObject(filter, file))
                assets.push({file, code: asset.source.source().toString()});
            }
          }
          await Promise.all(
            assets.map(async ({file, code}) => {
              try {
                const minified = await minifyOnDemandChunk(code);
                compilation.updateAsset(file, new sources.RawSource(minified), {minimized: true});
              } catch (error) {
                // Not flagged: the site's Terser minifies it as it would without us.
                const warning = new WebpackError(
                  `[pyodocs] esbuild could not minify ${file}; the site's minimizer does it instead: ${error instanceof Error ? error.message : String(error)}`,
                );
                compilation.warnings.push(warning);
              }
            }),
          );
        },
      );
    });
  }
}

/**
 * esbuild's minifier with what Docusaurus asks of Terser: no comments, ASCII
 * only. ES2022 is the syntax our packages are published in, so the
 * minifier neither lowers it nor brings in newer syntax (`??=`, ...).
 */
export async function minifyOnDemandChunk(code: string): Promise<string> {
  const result = await transform(code, {
    loader: 'js',
    minify: true,
    target: 'es2022',
    charset: 'ascii',
    legalComments: 'none',
  });
  return result.code;
}

/** The site's Terser file filter, or undefined where the site's minimizer must do every chunk (see the class). */
export function siteTerserFilter(compiler: Pick<Compiler, 'options'>): TerserFilter | undefined {
  const {optimization, devtool} = compiler.options;
  if (optimization.minimize === false || devtool) return undefined;
  const minimizers = (optimization.minimizer ?? []) as unknown[];
  const terserPlugins = minimizers.filter(
    (plugin): plugin is SiteTerserPlugin => (plugin as object | null)?.constructor?.name === 'TerserPlugin',
  );
  const [plugin] = terserPlugins;
  if (plugin === undefined || terserPlugins.length !== 1) return undefined;
  const options = plugin.options;
  // terser-webpack-plugin's own Terser call, not its swcMinify, esbuildMinify or a site's function.
  const implementation = options?.minimizer?.implementation;
  if (typeof implementation !== 'function' || implementation.name !== 'terserMinify') return undefined;
  return {test: options?.test, include: options?.include, exclude: options?.exclude} as TerserFilter;
}

/**
 * A chunk whose JavaScript is all cells' code (our packages, see
 * isCellPackageModule, and the doctest blocks') and
 * that no page loads with its route: not `pyodocs-cells` or
 * `pyodocs-doctest`. A chunk holding anything of the site's stays with the
 * site's minimizer.
 */
export function isOnDemandCellsChunk(chunk: Chunk, compilation: Compilation): boolean {
  if (chunk.name === CELLS_CHUNK || chunk.name === DOCTEST_CHUNK) return false;
  let any = false;
  for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
    // Extracted CSS is not in the chunk's JavaScript.
    if (!module.getSourceTypes().has('javascript')) continue;
    const inner = (module as Module & {modules?: Iterable<Module>}).modules ?? [module];
    for (const part of inner) {
      const resourceModule = part as {resource?: string};
      if (!isCellPackageModule(resourceModule) && !isDoctestModule(resourceModule)) return false;
      any = true;
    }
  }
  return any;
}
