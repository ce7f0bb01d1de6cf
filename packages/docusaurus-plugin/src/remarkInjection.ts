import type {MarkdownConfig} from '@docusaurus/types';
import type {Compiler, RuleSetRule, RuleSetUseItem} from 'webpack';

/** A unified plugin entry as mdx-loader accepts it: `fn` or `[fn, options]`. */
export type RemarkPluginEntry = unknown;

/** A loader to run on what mdx-loader returns, for the same module. */
export interface LoaderAfterMdx {
  loader: string;
  options: object;
}

/** What to append to each mdx-loader's plugin lists: remark plugins, and rehype plugins (after the site's, so they see its hast). */
export interface InjectedPlugins {
  remark: RemarkPluginEntry[];
  rehype?: RemarkPluginEntry[];
}

interface MdxLoaderOptions {
  markdownConfig?: unknown;
  remarkPlugins?: RemarkPluginEntry[];
  rehypePlugins?: RemarkPluginEntry[];
  processors?: unknown;
  [key: string]: unknown;
}

const MDX_LOADER_PATTERN = /[\\/]@docusaurus[\\/]mdx-loader[\\/]/;

/**
 * Appends remark (and rehype) plugins to every `@docusaurus/mdx-loader` rule
 * (docs, blog, pages, and any other content plugin), so one `plugins` entry
 * is the whole setup.
 *
 * It runs when the compiler is created, after every Docusaurus plugin's
 * `configureWebpack`, so it also sees content plugins listed after ours.
 * mdx-loader precomputes its unified processors in the loader options
 * (`options.processors`); those never see plugins added later, so they are
 * dropped and mdx-loader builds new ones from the updated options.
 *
 * `after`, when given, is put in each rule right before mdx-loader (so it
 * runs on mdx-loader's result): remark plugins see a vfile, not webpack's
 * loader context, so what the remark pass learns about a module's
 * dependencies is told to webpack from there.
 *
 * `markdownConfig`, when given, replaces each loader's copy of the site's
 * `markdown` config with what it returns (how pages are read: their
 * front matter, so their format).
 */
export class RemarkInjectionWebpackPlugin {
  constructor(
    private readonly plugins: InjectedPlugins,
    private readonly isOurs: (entry: RemarkPluginEntry) => boolean,
    private readonly after?: LoaderAfterMdx,
    private readonly markdownConfig?: (config: MarkdownConfig) => MarkdownConfig,
  ) {}

  apply(compiler: Compiler): void {
    const found = [...findMdxLoaderUses(compiler.options.module?.rules ?? [])];
    for (const {options} of found) {
      const current = options.remarkPlugins ?? [];
      if (current.some(this.isOurs)) {
        continue; // the same options object can be shared by several rules
      }
      options.remarkPlugins = [...current, ...this.plugins.remark];
      if (this.markdownConfig && options.markdownConfig) {
        options.markdownConfig = this.markdownConfig(options.markdownConfig as MarkdownConfig);
      }
      if (this.plugins.rehype) options.rehypePlugins = [...(options.rehypePlugins ?? []), ...this.plugins.rehype];
      delete options.processors;
    }
    const after = this.after;
    if (after) {
      for (const {use, item} of found) {
        if (use.some((other) => (other as {loader?: unknown} | null)?.loader === after.loader)) continue;
        use.splice(use.indexOf(item), 0, after);
      }
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

/** An mdx-loader in a rule: its options, and the rule's `use` list that holds it (a `loader:` rule is given one). */
interface MdxLoaderUse {
  options: MdxLoaderOptions;
  use: unknown[];
  item: unknown;
}

function* findMdxLoaderUses(rules: unknown[]): Generator<MdxLoaderUse> {
  for (const rule of rules) {
    if (!rule || typeof rule !== 'object') {
      continue;
    }
    const r = rule as RuleSetRule;
    if (Array.isArray(r.oneOf)) {
      yield* findMdxLoaderUses(r.oneOf);
    }
    if (Array.isArray(r.rules)) {
      yield* findMdxLoaderUses(r.rules);
    }
    if (isMdxLoaderItem({loader: r.loader, options: r.options})) {
      // `{loader, options}` on the rule itself is webpack's shorthand for a one-item `use`.
      r.use = [{loader: r.loader, options: r.options} as RuleSetUseItem];
      delete r.loader;
      delete r.options;
    } else if (isMdxLoaderItem(r.use)) {
      r.use = [r.use as RuleSetUseItem];
    }
    const uses: unknown[] = Array.isArray(r.use) ? r.use : [];
    for (const item of uses) {
      if (isMdxLoaderItem(item)) yield {options: item.options, use: uses, item};
    }
  }
}

function isMdxLoaderItem(item: unknown): item is {loader: string; options: MdxLoaderOptions} {
  const {loader, options} = (item ?? {}) as {loader?: unknown; options?: unknown};
  return (
    typeof loader === 'string' && MDX_LOADER_PATTERN.test(loader) && typeof options === 'object' && options !== null
  );
}
