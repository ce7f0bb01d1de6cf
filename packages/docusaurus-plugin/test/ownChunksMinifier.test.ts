import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import TerserPlugin from 'terser-webpack-plugin';
import {afterAll, describe, expect, test} from 'vitest';
import webpack from 'webpack';
// The built plugin: its thread runs lib/ownChunksMinifyWorker.js (pnpm test builds first).
import {OwnChunksMinifierPlugin, siteMinimizer} from '../lib/ownChunksMinifier.js';

// Real webpack, the real terser-webpack-plugin with Docusaurus's Terser
// options: our chunks minified on our thread must be byte for byte what the
// site's minimizer makes of them.

const work = mkdtempSync(path.join(tmpdir(), 'pyodocs-own-chunks-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const ours = path.join(work, 'ours');
const theirs = path.join(work, 'theirs');
mkdirSync(ours);
mkdirSync(theirs);
writeFileSync(
  path.join(ours, 'cells.js'),
  `export class CellsOfThePage {\n  constructor(count) {\n    this.count = count;\n  }\n  describe() {\n    const message = 'cells on this page: ' + this.count;\n    return message.toUpperCase();\n  }\n}\n`,
);
writeFileSync(
  path.join(theirs, 'lib.js'),
  `export function libraryHelper(value) {\n  return [value, value * 2, value * 3];\n}\n`,
);
writeFileSync(
  path.join(work, 'entry.js'),
  `import(/* webpackChunkName: "ours" */ './ours/cells.js').then((m) => console.log(new m.CellsOfThePage(3).describe()));\nimport(/* webpackChunkName: "theirs" */ './theirs/lib.js').then((m) => console.log(m.libraryHelper(2)));\n`,
);

/** Docusaurus's own Terser setup (@docusaurus/bundler's minification.ts). */
function docusaurusTerser() {
  return new TerserPlugin({
    parallel: true,
    terserOptions: {
      parse: {ecma: 2020},
      compress: {ecma: 5},
      mangle: {safari10: true},
      output: {ecma: 5, comments: false, ascii_only: true},
    },
  });
}

async function build(name: string, plugins: webpack.WebpackPluginInstance[]) {
  const out = path.join(work, name);
  const compiler = webpack({
    mode: 'production',
    context: work,
    entry: './entry.js',
    output: {path: out, filename: '[name].js', chunkFilename: '[name].js'},
    optimization: {minimizer: [docusaurusTerser()]},
    plugins,
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  expect(stats.hasErrors(), stats.toString('errors-only')).toBe(false);
  return Object.fromEntries(readdirSync(out).map((file) => [file, readFileSync(path.join(out, file), 'utf8')]));
}

describe('OwnChunksMinifierPlugin', () => {
  test("our chunk, minified on our thread, is byte for byte the site's minimizer's; other chunks stay the site's", async () => {
    const minified: string[] = [];
    class Spy extends OwnChunksMinifierPlugin {
      override apply(compiler: webpack.Compiler) {
        super.apply(compiler);
        compiler.hooks.thisCompilation.tap('spy', (compilation) => {
          compilation.hooks.processAssets.tap(
            {name: 'spy', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE},
            () => {
              // Before the site's minimizer: what this plugin took is marked minimized and still unminified.
              for (const asset of compilation.getAssets())
                if (asset.info.minimized && String(asset.source.source()).includes('cells on this page'))
                  minified.push(asset.name);
            },
          );
        });
      }
    }
    const alone = await build('alone', []);
    const withOurs = await build('with-ours', [new Spy((file) => file.startsWith(ours + path.sep))]);
    expect(minified).toEqual(['ours.js']);
    expect(Object.keys(withOurs).sort()).toEqual(Object.keys(alone).sort());
    for (const file of Object.keys(alone)) expect(withOurs[file], file).toBe(alone[file]);
    expect(withOurs['ours.js']).not.toContain('\n  ');
  });

  test('stays out of the way without terser-webpack-plugin, when it runs without threads, or with options a thread cannot take', () => {
    const compilerWith = (options: object) => ({options, webpack}) as unknown as webpack.Compiler;
    const terser = docusaurusTerser();
    expect(siteMinimizer(compilerWith({optimization: {minimizer: [terser]}, output: {}}))).toMatchObject({
      implementationName: 'terserMinify',
    });
    expect(siteMinimizer(compilerWith({optimization: {minimizer: []}, output: {}}))).toBeUndefined();
    const unthreaded = new TerserPlugin({parallel: false});
    expect(siteMinimizer(compilerWith({optimization: {minimizer: [unthreaded]}, output: {}}))).toBeUndefined();
    const withFunction = new TerserPlugin({terserOptions: {mangle: {reserved: []}, format: {comments: () => false}}});
    expect(siteMinimizer(compilerWith({optimization: {minimizer: [withFunction]}, output: {}}))).toBeUndefined();
  });
});
