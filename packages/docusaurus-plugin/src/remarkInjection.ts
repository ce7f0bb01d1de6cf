import type {Compiler, RuleSetRule, RuleSetUseItem} from 'webpack';

/** A unified plugin entry as mdx-loader accepts it: `fn` or `[fn, options]`. */
export type RemarkPluginEntry = unknown;

interface MdxLoaderOptions {
  remarkPlugins?: RemarkPluginEntry[];
  processors?: unknown;
  [key: string]: unknown;
}

const MDX_LOADER_PATTERN = /[\\/]@docusaurus[\\/]mdx-loader[\\/]/;

/**
 * Appends remark plugins to every `@docusaurus/mdx-loader` rule (docs, blog,
 * pages, and any other content plugin), so one `plugins` entry is the whole
 * setup.
 *
 * It runs when the compiler is created, after every Docusaurus plugin's
 * `configureWebpack`, so it also sees content plugins listed after ours.
 * mdx-loader precomputes its unified processors in the loader options
 * (`options.processors`); those never see plugins added later, so they are
 * dropped and mdx-loader builds new ones from the updated options.
 */
export class RemarkInjectionWebpackPlugin {
  constructor(
    private readonly entries: RemarkPluginEntry[],
    private readonly isOurs: (entry: RemarkPluginEntry) => boolean,
  ) {}

  apply(compiler: Compiler): void {
    const found = [...findMdxLoaderOptions(compiler.options.module?.rules ?? [])];
    for (const options of found) {
      const current = options.remarkPlugins ?? [];
      if (current.some(this.isOurs)) {
        continue; // the same options object can be shared by several rules
      }
      options.remarkPlugins = [...current, ...this.entries];
      delete options.processors;
    }
    if (found.length === 0) {
      compiler
        .getInfrastructureLogger('pyodocs')
        .warn(
          'No @docusaurus/mdx-loader rule found: python fences stay static. Is a docs, blog or pages plugin enabled?',
        );
    }
  }
}

function* findMdxLoaderOptions(rules: unknown[]): Generator<MdxLoaderOptions> {
  for (const rule of rules) {
    if (!rule || typeof rule !== 'object') {
      continue;
    }
    const r = rule as RuleSetRule;
    if (Array.isArray(r.oneOf)) {
      yield* findMdxLoaderOptions(r.oneOf);
    }
    if (Array.isArray(r.rules)) {
      yield* findMdxLoaderOptions(r.rules);
    }
    const uses: unknown[] = Array.isArray(r.use) ? r.use : r.use ? [r.use] : [];
    if (typeof r.loader === 'string') {
      uses.push({loader: r.loader, options: r.options});
    }
    for (const use of uses) {
      const item = use as Exclude<RuleSetUseItem, string | ((...args: never[]) => unknown)>;
      if (
        item &&
        typeof item === 'object' &&
        typeof item.loader === 'string' &&
        MDX_LOADER_PATTERN.test(item.loader) &&
        item.options &&
        typeof item.options === 'object'
      ) {
        yield item.options as MdxLoaderOptions;
      }
    }
  }
}
