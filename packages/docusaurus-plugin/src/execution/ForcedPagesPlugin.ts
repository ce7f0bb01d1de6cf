import type {Compiler} from 'webpack';

const NAME = 'PyodocsForcedPagesPlugin';

/**
 * `execute: 'force'` means "run on every build": a page with a cell in that
 * mode (site option, front matter or fence meta) must never be taken from
 * webpack's persistent cache, where its remark plugins — and so its cells —
 * would not run. Its module is marked not cacheable, as a loader's
 * `this.cacheable(false)` would: webpack then builds it again every time.
 * For both compilers (each has its own cache).
 */
export class ForcedPagesPlugin {
  readonly #forcedPages: ReadonlySet<string>;

  /** `forcedPages`: the source files whose last compilation ran a cell in `force` mode. */
  constructor(forcedPages: ReadonlySet<string>) {
    this.#forcedPages = forcedPages;
  }

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.succeedModule.tap(NAME, (module) => {
        const resource = (module as {resource?: unknown}).resource;
        if (typeof resource !== 'string' || !this.#forcedPages.has(resource.split('?')[0] ?? resource)) return;
        if (module.buildInfo) module.buildInfo.cacheable = false;
      });
    });
  }
}
