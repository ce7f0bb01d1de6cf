import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Configuration, Stats, WebpackPluginInstance} from 'webpack';
import {afterAll, describe, expect, it} from 'vitest';
import {katexStylesheetAlias, katexStylesheetConsumer, resolveKatexStylesheet} from '../src/katexStylesheet.js';
import {recordAssets, siteWithCells} from './support/siteAssets.js';

const katex = resolveKatexStylesheet();

describe('KaTeX’s stylesheet as files of the site', () => {
  it('is the stylesheet of the KaTeX @pyodocs/react typesets with, under a versioned path', () => {
    const {version} = JSON.parse(readFileSync(path.join(katex.distDir, '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    const reactKatex = createRequire(createRequire(import.meta.url).resolve('@pyodocs/react/package.json')).resolve(
      'katex/package.json',
    );
    expect(path.dirname(reactKatex)).toBe(path.dirname(katex.distDir));
    expect(katex.publicPath).toBe(`pyodocs/katex/${version}/katex.min.css`);
  });

  it('swaps a module of @pyodocs/react that exists, for one with the same export', async () => {
    expect(existsSync(katex.importModule)).toBe(true);
    expect(readFileSync(katex.importModule, 'utf8')).toContain('export function loadKatexStylesheet(');
    expect(readFileSync(katex.linkModule, 'utf8')).toContain('export function loadKatexStylesheet(');
    expect(katexStylesheetAlias(katex)).toEqual({[`${katex.importModule}$`]: katex.linkModule});
  });

  it('is emitted with its fonts on a site with cells, and not on a site without', async () => {
    const none = recordAssets();
    await katexStylesheetConsumer(katex)(siteWithCells(0), none.assets);
    expect(none.emitted.size).toBe(0);
    const some = recordAssets();
    await katexStylesheetConsumer(katex)(siteWithCells(1), some.assets);
    const folder = path.posix.dirname(katex.publicPath);
    const fonts = readdirSync(path.join(katex.distDir, 'fonts'));
    expect(fonts.some((font) => font.endsWith('.woff2'))).toBe(true);
    expect(Array.from(some.emitted.keys()).sort()).toEqual(
      [katex.publicPath, ...fonts.map((font) => `${folder}/fonts/${font}`)].sort(),
    );
    // The stylesheet names its fonts relative to itself.
    expect(String(some.emitted.get(katex.publicPath))).toContain('url(fonts/KaTeX_Main-Regular.woff2)');
  });
});

describe('a production build with Docusaurus’s style set-up', () => {
  const fromCore = createRequire(createRequire(import.meta.url).resolve('@docusaurus/core/package.json'));
  const bundlerPath = fromCore.resolve('@docusaurus/bundler');
  const fromBundler = createRequire(bundlerPath);
  const webpack = fromBundler('webpack') as typeof import('webpack');
  const loadKatex = path.join(path.dirname(katex.importModule), 'loadKatex.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-katex-stylesheet-'));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  const url = '/base/pyodocs/katex/0.0.0/katex.min.css';
  const clientData = path.join(dir, 'clientData.json');
  writeFileSync(clientData, JSON.stringify({katexStylesheet: url}));
  writeFileSync(path.join(dir, 'site.css'), '.site-wide   { color : red }\n');

  // mini-css-extract, and every stylesheet of the site in one file (Docusaurus's `styles` cache group).
  async function build(name: string, entrySource: string, alias: Record<string, string>) {
    const MiniCssExtractPlugin = fromBundler('mini-css-extract-plugin') as {
      loader: string;
      new (options: object): WebpackPluginInstance;
    };
    const entry = path.join(dir, `${name}.js`);
    writeFileSync(entry, entrySource);
    const out = path.join(dir, name);
    const config: Configuration = {
      mode: 'production',
      context: dir,
      entry,
      output: {path: out, filename: '[name].js', chunkFilename: '[name].js'},
      module: {rules: [{test: /\.css$/, use: [MiniCssExtractPlugin.loader, fromBundler.resolve('css-loader')]}]},
      resolve: {alias: {'@pyodocs/docusaurus-plugin/clientData$': clientData, ...alias}},
      optimization: {
        minimize: false,
        splitChunks: {
          cacheGroups: {styles: {name: 'styles', type: 'css/mini-extract', chunks: 'all', enforce: true, priority: 50}},
        },
      },
      plugins: [new MiniCssExtractPlugin({filename: '[name].css', chunkFilename: '[name].css'})],
    };
    const stats = await new Promise<Stats>((resolve, reject) =>
      webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))),
    );
    expect(stats.hasErrors(), stats.toString('errors-only')).toBe(false);
    const files = readdirSync(out);
    const js = files
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(path.join(out, file), 'utf8'))
      .join('\n');
    return {
      css: files.filter((file) => file.endsWith('.css')),
      js,
      read: (file: string) => readFileSync(path.join(out, file), 'utf8'),
    };
  }
  const outputs = `import './site.css';\nexport const math = () => import(${JSON.stringify(loadKatex)}).then((m) => m.loadKatex());\n`;

  it('links the copy when math loads KaTeX: no KaTeX in the site’s stylesheet, no CSS chunk loader in its runtime', async () => {
    const bundled = await build('bundled', outputs, {});
    // What the swap avoids: KaTeX's CSS in the one stylesheet (or a CSS chunk and its loader).
    expect(bundled.read('styles.css')).toContain('.katex');
    const linked = await build('linked', outputs, katexStylesheetAlias(katex));
    expect(linked.css).toEqual(['styles.css']);
    expect(linked.read('styles.css')).toContain('.site-wide');
    expect(linked.read('styles.css')).not.toContain('.katex');
    expect(linked.js).not.toContain('Loading CSS chunk');
    expect(linked.js).toContain(url);
    expect(linked.js).toContain("link.rel = 'stylesheet'");
  }, 60_000);

  it('leaves KaTeX’s stylesheet in the site’s stylesheet where a page imports it (math typeset at build)', async () => {
    const katexCss = path.join(katex.distDir, 'katex.min.css');
    const pages = await build(
      'pages',
      `${outputs}export const page = () => import(${JSON.stringify(katexCss)});\n`,
      katexStylesheetAlias(katex),
    );
    expect(pages.read('styles.css')).toContain('.katex');
    expect(pages.js).toContain(url);
  }, 60_000);
});
