import type {PageManifest} from '@pyodocs/remark';
import type {Compilation, Compiler, Module} from 'webpack';
import type {PageManifestCollector} from './PageManifestCollector.js';
import type {SiteManifest} from './SiteManifest.js';

const NAME = 'PyodocsSiteManifestPlugin';

/** What a consumer of the site manifest may do with the compilation. */
export interface SiteAssets {
  /** Adds (or replaces) a file of the build; already minimized, never touched by Terser. */
  emit(name: string, content: Buffer | string): void;
  /** A problem that fails the build (shown with the other build errors). */
  error(message: string): void;
  /** A problem the build reports and goes on. */
  warn(message: string): void;
}

/** Runs once per compilation, when every page's manifest is known, and may add files to the build. */
export type SiteManifestConsumer = (site: SiteManifest, assets: SiteAssets) => void | Promise<void>;

interface WithPageManifest {
  buildInfo?: {pyodocsPageManifest?: PageManifest; pyodocsOutputFiles?: readonly string[]};
}

/**
 * Collects the page manifests of every page of the site in a way that
 * survives webpack's persistent cache: each MDX module carries its page's
 * manifest in `buildInfo`, which webpack stores with the module and
 * restores when it takes the module from its cache instead of compiling
 * it. When all modules are known (`finishModules`), the site manifest is
 * complete; consumers then add their files to the build (`processAssets`),
 * in `docusaurus build` and `docusaurus start` alike.
 *
 * For the client compiler only: the server compiler reuses the client's MDX
 * results and emits no assets of ours.
 */
export class SiteManifestPlugin {
  readonly #collector: PageManifestCollector;
  readonly #consumers: readonly SiteManifestConsumer[];

  constructor(collector: PageManifestCollector, consumers: readonly SiteManifestConsumer[]) {
    this.#collector = collector;
    this.#consumers = consumers;
  }

  apply(compiler: Compiler): void {
    const {Compilation, WebpackError, sources} = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      this.#collector.clear();
      let site: SiteManifest = {pages: new Map(), outputFiles: new Set()};

      compilation.hooks.succeedModule.tap(NAME, (module) => {
        const file = sourceFile(module);
        const record = file === undefined ? undefined : this.#collector.get(file);
        const buildInfo = (module as WithPageManifest).buildInfo;
        if (record !== undefined && buildInfo !== undefined) {
          buildInfo.pyodocsPageManifest = record.manifest;
          buildInfo.pyodocsOutputFiles = record.outputFiles;
        }
      });

      compilation.hooks.finishModules.tap(NAME, (modules) => {
        site = {pages: collectPages(modules), outputFiles: collectOutputFiles(modules)};
      });

      compilation.hooks.processAssets.tapPromise(
        {name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL},
        async () => {
          const assets = siteAssets(compilation, sources.RawSource, WebpackError);
          for (const consume of this.#consumers) await consume(site, assets);
        },
      );
    });
  }
}

/** The page manifests carried by the modules, one per source file (the fullest, see PageManifestCollector). */
export function collectPages(modules: Iterable<Module>): Map<string, PageManifest> {
  const found = new Map<string, PageManifest>();
  for (const module of modules) {
    const manifest = (module as WithPageManifest).buildInfo?.pyodocsPageManifest;
    const file = sourceFile(module);
    if (manifest === undefined || file === undefined) continue;
    const known = found.get(file);
    if (known === undefined || manifest.cells.length > known.cells.length) found.set(file, manifest);
  }
  return new Map(Array.from(found.entries()).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Every output file named by a module's build outputs. */
export function collectOutputFiles(modules: Iterable<Module>): Set<string> {
  const files = new Set<string>();
  for (const module of modules) {
    for (const name of (module as WithPageManifest).buildInfo?.pyodocsOutputFiles ?? []) files.add(name);
  }
  return files;
}

function sourceFile(module: Module): string | undefined {
  const resource = (module as {resource?: unknown}).resource;
  return typeof resource === 'string' ? resource.split('?')[0] : undefined;
}

function siteAssets(
  compilation: Compilation,
  RawSource: typeof import('webpack').sources.RawSource,
  WebpackError: typeof import('webpack').WebpackError,
): SiteAssets {
  return {
    emit(name, content) {
      const source = new RawSource(content);
      // minimized: Terser must not touch wheels or the lock.
      if (compilation.getAsset(name)) compilation.updateAsset(name, source, {minimized: true});
      else compilation.emitAsset(name, source, {minimized: true});
    },
    error(message) {
      compilation.errors.push(new WebpackError(`[pyodocs] ${message}`));
    },
    warn(message) {
      compilation.warnings.push(new WebpackError(`[pyodocs] ${message}`));
    },
  };
}
