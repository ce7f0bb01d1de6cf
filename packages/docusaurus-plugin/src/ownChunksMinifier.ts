import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {Chunk, Compilation, Compiler, Module, sources} from 'webpack';

const PLUGIN_NAME = 'PyodocsOwnChunksMinifier';

/** What a module of a chunk tells about its file: a NormalModule's resource, a concatenated module's parts. */
interface ModuleParts {
  resource?: string;
  modules?: Iterable<ModuleParts>;
}

/** What this plugin reads of the site's terser-webpack-plugin instance (its public constructor options, as stored). */
interface TerserPluginInstance {
  options: {
    minimizer: {implementation: unknown; options?: unknown};
    parallel?: unknown;
    test?: unknown;
    include?: unknown;
    exclude?: unknown;
  };
}

/** The site's minimizer as the worker re-creates it: terser-webpack-plugin's own files and its settings. */
export interface SiteMinimizer {
  pluginFile: string;
  minifyFile: string;
  implementationName: string;
  options: unknown;
  /** The ECMAScript version terser-webpack-plugin gives its minimizer for this compilation's output. */
  ecma: number;
  matches: (file: string) => boolean;
}

/** One job's answer from the worker. */
interface MinifyResult {
  id: number;
  code?: string;
  errors: string[];
  warnings: string[];
}

/**
 * Minifies the chunks that hold nothing but pyodocs' own code (the cells'
 * components, the run code, the theme, the client data) on a thread of
 * their own, with the site's minimizer, its settings and terser-webpack-
 * plugin's own `minify`, while terser-webpack-plugin does the site's
 * chunks: the same bytes, no longer one after the other. On two cores
 * terser-webpack-plugin runs one worker and webpack's thread waits, so
 * Terser over these chunks (about 0.7 s of CPU) made every build with cells
 * that much longer (issue 13, build row).
 *
 * It starts just before the site's minimizer, marks the files minimized so
 * that the minimizer leaves them, and puts the results in just after it.
 * It stays out of the way (the site minifies everything, as before) when
 * the site has no terser-webpack-plugin, runs it without threads, emits
 * source maps, or set options that cannot go to a thread; and it uses webpack's cache like the
 * minimizer, so a persistent-cache build does not minify unchanged chunks
 * again. A chunk's licence comments would be dropped: such chunks have
 * none (third-party code makes a chunk not ours).
 */
export class OwnChunksMinifierPlugin {
  readonly #isOwnFile: (file: string) => boolean;

  constructor(isOwnFile: (file: string) => boolean) {
    this.#isOwnFile = isOwnFile;
  }

  apply(compiler: Compiler): void {
    if (compiler.options.devtool || compiler.options.optimization?.minimize === false) return;
    const minimizer = siteMinimizer(compiler);
    if (!minimizer) return;
    const {Compilation} = compiler.webpack;
    const {RawSource} = compiler.webpack.sources;

    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      const cache = compilation.getCache(PLUGIN_NAME);
      let pending: Array<{file: string; result: Promise<MinifyResult>; store: (code: string) => Promise<void>}> = [];
      let worker: MinifyWorker | undefined;

      compilation.hooks.processAssets.tapPromise(
        {name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1},
        async () => {
          for (const chunk of compilation.chunks) {
            if (!this.#holdsOnlyOwnCode(chunk, compilation)) continue;
            for (const file of chunk.files) {
              const asset = compilation.getAsset(file);
              if (!asset || asset.info.minimized || !/\.[cm]?js$/.test(file) || !minimizer.matches(file)) continue;
              const item = cache.getItemCache(file, cache.getLazyHashedEtag(asset.source));
              const cached = await item.getPromise<string | undefined>();
              if (cached !== undefined) {
                compilation.updateAsset(file, new RawSource(cached), {minimized: true});
                continue;
              }
              worker ??= new MinifyWorker(minimizer);
              const input = asset.source.source();
              pending.push({
                file,
                result: worker.minify(file, typeof input === 'string' ? input : input.toString('utf8'), asset.info),
                store: (code) => item.storePromise(code),
              });
              // The site's minimizer skips what is marked minimized (as it does our prebuilt libraries).
              compilation.updateAsset(file, (source: sources.Source) => source, {minimized: true});
            }
          }
        },
      );

      compilation.hooks.processAssets.tapPromise(
        {name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1},
        async () => {
          const jobs = pending;
          pending = [];
          try {
            for (const {file, result, store} of jobs) {
              const {code, errors, warnings} = await result;
              for (const warning of warnings) compilation.warnings.push(minifyProblem(compiler, file, warning));
              for (const error of errors) compilation.errors.push(minifyProblem(compiler, file, error));
              if (code === undefined) continue;
              compilation.updateAsset(file, new RawSource(code), {minimized: true});
              await store(code);
            }
          } finally {
            await worker?.close();
            worker = undefined;
          }
        },
      );
    });
  }

  #holdsOnlyOwnCode(chunk: Chunk, compilation: Compilation): boolean {
    const modules = compilation.chunkGraph.getChunkModules(chunk);
    return (
      modules.length > 0 &&
      modules.every((module) => moduleFiles(module).every((file) => file !== undefined && this.#isOwnFile(file)))
    );
  }
}

/** The files a chunk module was made of; an undefined entry for a part that is no file (then the chunk is not ours). */
function moduleFiles(module: Module | ModuleParts): Array<string | undefined> {
  const parts = (module as ModuleParts).modules;
  if (parts) return [...parts].flatMap((part) => moduleFiles(part));
  return [(module as ModuleParts).resource];
}

function minifyProblem(compiler: Compiler, file: string, message: string) {
  return new compiler.webpack.WebpackError(`${file} (minified by pyodocs with the site's minimizer): ${message}`);
}

/**
 * The site's terser-webpack-plugin, found among the minimizers, with what a
 * thread needs to run it: the module's file (from Node's module cache, where
 * the site loaded it), its `minify` and the name of the implementation it
 * was given (its own `terserMinify`, `swcMinify`, ...). Undefined when there
 * is none or it was set up in a way a thread cannot copy.
 */
export function siteMinimizer(compiler: Compiler): SiteMinimizer | undefined {
  const instance = (compiler.options.optimization?.minimizer ?? []).find((candidate) => isTerserPlugin(candidate)) as
    | TerserPluginInstance
    | undefined;
  // No minimizer to work beside, or the site wants no threads for it (Docusaurus's TERSER_PARALLEL=false).
  if (!instance || instance.options.parallel === false) return undefined;
  const TerserPlugin = instance.constructor as unknown as Record<string, unknown>;
  const implementationName = ['terserMinify', 'swcMinify', 'esbuildMinify', 'uglifyJsMinify'].find(
    (name) => TerserPlugin[name] === instance.options.minimizer.implementation,
  );
  if (!implementationName) return undefined;
  const pluginFile = Object.values(createRequire(import.meta.url).cache).find(
    (module) => module?.exports === TerserPlugin,
  )?.filename;
  if (!pluginFile) return undefined;
  const minifyFile = path.join(path.dirname(pluginFile), 'minify.js');
  if (!existsSync(minifyFile)) return undefined;
  const options = instance.options.minimizer.options ?? {};
  try {
    structuredClone(options);
  } catch {
    return undefined;
  }
  const matchObject = compiler.webpack.ModuleFilenameHelpers.matchObject;
  const {test, include, exclude} = instance.options;
  const matches = (file: string) => matchObject({test, include, exclude} as Parameters<typeof matchObject>[0], file);
  return {
    pluginFile,
    minifyFile,
    implementationName,
    options,
    ecma: ecmaVersion((compiler.options.output.environment ?? {}) as Record<string, unknown>),
    matches,
  };
}

/** terser-webpack-plugin's choice of `ecma` from `output.environment` (its `getEcmaVersion`, not exported). */
function ecmaVersion(environment: Record<string, unknown>): number {
  const has = (...features: string[]) => features.some((feature) => Boolean(environment[feature]));
  if (has('bigIntLiteral', 'dynamicImport', 'dynamicImportInWorker', 'globalThis', 'optionalChaining')) return 2020;
  if (has('asyncFunction')) return 2017;
  if (has('arrowFunction', 'const', 'destructuring', 'forOf', 'methodShorthand', 'module', 'templateLiteral'))
    return 2015;
  return 5;
}

function isTerserPlugin(candidate: unknown): candidate is TerserPluginInstance {
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.constructor?.name === 'TerserPlugin' &&
    typeof (candidate as Partial<TerserPluginInstance>).options?.minimizer === 'object'
  );
}

/** A worker thread running terser-webpack-plugin's `minify`, one job at a time. */
class MinifyWorker {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, (result: MinifyResult) => void>();
  #nextId = 0;

  constructor(minimizer: SiteMinimizer) {
    const {pluginFile, minifyFile, implementationName, options, ecma} = minimizer;
    this.#worker = new Worker(new URL('./ownChunksMinifyWorker.js', import.meta.url), {
      workerData: {pluginFile, minifyFile, implementationName, options, ecma},
    });
    this.#worker.on('message', (result: MinifyResult) => {
      this.#waiting.get(result.id)?.(result);
      this.#waiting.delete(result.id);
      this.#holdProcessWhileBusy();
    });
    this.#worker.on('error', (error) => this.#failAll(String(error)));
    this.#worker.on('exit', (code) => this.#failAll(`the minifying thread exited (${code})`));
  }

  minify(file: string, input: string, info: {javascriptModule?: boolean}): Promise<MinifyResult> {
    const id = this.#nextId++;
    // As terser-webpack-plugin decides it: the asset's flag, else the file's extension.
    const module = info.javascriptModule ?? (/\.mjs$/.test(file) ? true : /\.cjs$/.test(file) ? false : undefined);
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.#holdProcessWhileBusy();
      this.#worker.postMessage({id, file, input, module});
    });
  }

  /** An idle thread never keeps the build's process alive (say, after a failed compilation left it behind); a busy one does. */
  #holdProcessWhileBusy(): void {
    if (this.#waiting.size > 0) this.#worker.ref();
    else this.#worker.unref();
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }

  #failAll(message: string): void {
    for (const [id, resolve] of this.#waiting) resolve({id, errors: [message], warnings: []});
    this.#waiting.clear();
  }
}
