import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Compiler, Configuration, Stats, WebpackPluginInstance} from 'webpack';
import {afterAll, describe, expect, it} from 'vitest';
import {minifyOnDemandChunk, OnDemandChunksMinifierPlugin, siteTerserFilter} from '../src/onDemandChunksMinifier.js';

// Docusaurus's own webpack and minimizer set-up (@docusaurus/bundler), as `docusaurus build` uses them.
const fromCore = createRequire(createRequire(import.meta.url).resolve('@docusaurus/core/package.json'));
const bundlerPath = fromCore.resolve('@docusaurus/bundler');
const webpack = createRequire(bundlerPath)('webpack') as typeof import('webpack');
const bundler = (await import(bundlerPath)) as {getMinimizers(params: unknown): Promise<WebpackPluginInstance[]>};
const docusaurusMinimizers = (swcJsMinimizer = false) =>
  bundler.getMinimizers({
    faster: {swcJsMinimizer, lightningCssMinimizer: false},
    currentBundler: {name: 'webpack', instance: webpack},
  });
const compilerWith = (optimization: Partial<Compiler['options']['optimization']>, extra: object = {}) =>
  ({options: {optimization, ...extra}}) as Pick<Compiler, 'options'>;

const reactLib = path.join(path.dirname(createRequire(import.meta.url).resolve('@pyodocs/react/package.json')), 'lib');

describe('the site’s minimizer', () => {
  it('is Docusaurus’s Terser: ours takes the on-demand chunks, within its file filter', async () => {
    const filter = siteTerserFilter(compilerWith({minimize: true, minimizer: await docusaurusMinimizers()}));
    expect(filter).toEqual({test: /\.[cm]?js(\?.*)?$/i, include: undefined, exclude: undefined});
  });

  it('is left to do every chunk with SWC, source maps, no minimizing, no Terser or a minify function of the site’s', async () => {
    expect(
      siteTerserFilter(compilerWith({minimize: true, minimizer: await docusaurusMinimizers(true)})),
    ).toBeUndefined();
    const minimizer = await docusaurusMinimizers();
    expect(siteTerserFilter(compilerWith({minimize: false, minimizer}))).toBeUndefined();
    expect(siteTerserFilter(compilerWith({minimize: true, minimizer}, {devtool: 'source-map'}))).toBeUndefined();
    expect(siteTerserFilter(compilerWith({minimize: true, minimizer: []}))).toBeUndefined();
    const [terser] = minimizer;
    if (terser === undefined) throw new Error('Docusaurus gave no minimizer');
    const TerserPlugin = terser.constructor as new (options: object) => WebpackPluginInstance;
    const ownFunction = new TerserPlugin({minify: async () => ({code: ''})});
    expect(siteTerserFilter(compilerWith({minimize: true, minimizer: [ownFunction]}))).toBeUndefined();
    expect(siteTerserFilter(compilerWith({minimize: true, minimizer: [...minimizer, terser]}))).toBeUndefined();
  });
});

describe('esbuild’s minifying', () => {
  it('keeps ES2022 as it is, drops comments, writes ASCII only', async () => {
    const code = await minifyOnDemandChunk(
      'class Box { #someLongName = 1; get value() { return this.#someLongName; } }\n/*! licence */\nwindow.box = [new Box(), "é"];\n',
    );
    expect(code).toContain('#');
    expect(code).not.toContain('WeakMap');
    expect(code).not.toContain('licence');
    expect(code).toMatch(/\\xE9|\\u00E9/i);
    expect([...code].every((char) => char.charCodeAt(0) < 128)).toBe(true);
  });
});

describe('a production build with Docusaurus’s minimizers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-on-demand-minifier-'));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  const module = (file: string) => JSON.stringify(path.join(reactLib, file));
  writeFileSync(
    path.join(dir, 'entry.js'),
    [
      `import {labelOf} from ${module('labels/labelOf.js')};`,
      `export const siteLabel = (someSiteName) => labelOf({}, 'run', {run: someSiteName});`,
      // Loaded by pages with cells, named as the plugin's cache group names it: stays with Terser.
      `export const pageCells = () => import(/* webpackChunkName: "pyodocs-cells" */ ${module('labels/viewLabels.js')});`,
      // Loaded on demand, cells' code only: ours.
      `export const onDemand = () => import(/* webpackChunkName: "on-demand" */ ${module('labels/runLabels.js')});`,
      // Loaded on demand, with code of the site's: stays with Terser.
      `export const mixed = () => import(/* webpackChunkName: "mixed" */ './site.js');`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'site.js'),
    `export {englishRunLabels} from ${module('labels/runLabels.js')};\nexport const siteThing = (someOtherName) => someOtherName + 1;\n`,
  );

  /** What each asset looked like before our plugin and when the site's Terser was handed it. */
  function probe(before: Record<string, string>, handed: Record<string, boolean | undefined>): WebpackPluginInstance {
    return {
      apply(compiler: Compiler) {
        const {PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE} = compiler.webpack.Compilation;
        compiler.hooks.thisCompilation.tap('probe', (compilation) => {
          compilation.hooks.processAssets.tap({name: 'probe', stage: PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 2}, () => {
            for (const asset of compilation.getAssets()) before[asset.name] = asset.source.source().toString();
          });
          compilation.hooks.processAssets.tap({name: 'probe', stage: PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 0.5}, () => {
            for (const asset of compilation.getAssets()) handed[asset.name] = asset.info.minimized;
          });
        });
      },
    };
  }

  async function build(out: string, plugins: WebpackPluginInstance[]): Promise<Stats> {
    const config: Configuration = {
      mode: 'production',
      context: dir,
      entry: './entry.js',
      output: {path: path.join(dir, out), filename: '[name].js', chunkFilename: '[name].js', library: {type: 'module'}},
      experiments: {outputModule: true},
      optimization: {minimizer: await docusaurusMinimizers()},
      plugins,
    };
    return new Promise<Stats>((resolve, reject) =>
      webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))),
    );
  }

  it('minifies the on-demand chunk of cells’ code with esbuild and leaves the page’s and the site’s chunks to Terser', async () => {
    const before: Record<string, string> = {};
    const handed: Record<string, boolean | undefined> = {};
    const stats = await build('with', [new OnDemandChunksMinifierPlugin(), probe(before, handed)]);
    expect(stats.hasErrors(), stats.toString('errors-only')).toBe(false);
    expect(stats.hasWarnings(), stats.toString('errors-warnings')).toBe(false);
    const output = (file: string) => readFileSync(path.join(dir, 'with', file), 'utf8');
    // Ours: esbuild's output of the chunk as webpack wrote it, skipped by the site's Terser.
    expect(handed['on-demand.js']).toBe(true);
    expect(output('on-demand.js')).toBe(await minifyOnDemandChunk(before['on-demand.js'] ?? ''));
    expect(output('on-demand.js').length).toBeLessThan((before['on-demand.js'] ?? '').length * 0.8);
    // The site's Terser: the page's chunk of cells' code, a chunk with the site's code, the entry.
    for (const file of ['pyodocs-cells.js', 'mixed.js', 'main.js']) expect(handed[file], file).toBeFalsy();
    const site = await build('without', []);
    expect(site.hasErrors(), site.toString('errors-only')).toBe(false);
    for (const file of ['pyodocs-cells.js', 'mixed.js', 'main.js'])
      expect(output(file), file).toBe(readFileSync(path.join(dir, 'without', file), 'utf8'));
    expect(output('mixed.js')).not.toContain('someOtherName');
  }, 60_000);

  it('leaves a chunk esbuild cannot read to the site’s minimizer, and says so', async () => {
    // A stand-in for a chunk esbuild refuses: replaced just before our plugin runs.
    const breaker: WebpackPluginInstance = {
      apply(compiler: Compiler) {
        const {Compilation, sources} = compiler.webpack;
        compiler.hooks.thisCompilation.tap('breaker', (compilation) =>
          compilation.hooks.processAssets.tap(
            {name: 'breaker', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 2},
            () => compilation.updateAsset('on-demand.js', new sources.RawSource('function ( {')),
          ),
        );
      },
    };
    const handed: Record<string, boolean | undefined> = {};
    const stats = await build('broken', [breaker, new OnDemandChunksMinifierPlugin(), probe({}, handed)]);
    expect(stats.toString('errors-warnings')).toMatch(
      /\[pyodocs\] esbuild could not minify on-demand\.js; the site's minimizer does it instead: .*Unexpected/s,
    );
    expect(handed['on-demand.js']).toBeFalsy();
  }, 60_000);
});
