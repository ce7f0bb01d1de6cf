import {mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {Configuration, Stats, WebpackPluginInstance} from 'webpack';
import {afterAll, describe, expect, it} from 'vitest';
import {
  isPrebuiltVendorModule,
  PrebuiltVendorChunksPlugin,
  prebuiltVendorBundles,
  prebuiltVendorCacheGroup,
  withPrebuiltVendorBundles,
} from '../src/prebuiltVendorChunks.js';

const module = (name: string, resource: string) => ({resource, resourceResolveData: {descriptionFileData: {name}}});

describe('prebuilt vendor modules', () => {
  it('are the lib/vendor files of @pyodocs/react, and nothing else', () => {
    expect(isPrebuiltVendorModule(module('@pyodocs/react', '/x/packages/react/lib/vendor/katex.js'))).toBe(true);
    expect(isPrebuiltVendorModule(module('@pyodocs/react', '/x/packages/react/lib/vendor/katex.cjs'))).toBe(true);
    expect(
      isPrebuiltVendorModule(module('@pyodocs/react', '/s/node_modules/@pyodocs/react/lib/vendor/markup.js')),
    ).toBe(true);
    expect(isPrebuiltVendorModule(module('@pyodocs/react', '/x/packages/react/lib/output/markdownToHtml.js'))).toBe(
      false,
    );
    expect(isPrebuiltVendorModule(module('@pyodocs/react', '/x/packages/react/src/vendor/katex.ts'))).toBe(false);
    expect(isPrebuiltVendorModule(module('katex', '/x/node_modules/katex/dist/katex.mjs'))).toBe(false);
    expect(isPrebuiltVendorModule(module('my-site', '/site/lib/vendor/katex.js'))).toBe(false);
    expect(isPrebuiltVendorModule({resource: '/x/lib/vendor/katex.js'})).toBe(false);
  });

  it('each get a chunk named after the library', () => {
    const group = prebuiltVendorCacheGroup();
    expect(group.name(module('@pyodocs/react', '/x/packages/react/lib/vendor/codemirror.js') as never)).toBe(
      'pyodocs-vendor-codemirror',
    );
    expect(group.name(module('@pyodocs/react', '/x/packages/react/lib/vendor/codemirror.cjs') as never)).toBe(
      'pyodocs-vendor-codemirror',
    );
  });

  it('are left unparsed by their real path: the bundles, not their ES re-exports nor anyone else’s files', () => {
    const lib = realpathSync(path.dirname(createRequire(import.meta.url).resolve('@pyodocs/react/package.json')));
    const bundles = prebuiltVendorBundles();
    expect(bundles.test(path.join(lib, 'lib/vendor/katex.cjs'))).toBe(true);
    expect(bundles.test(path.join(lib, 'lib/vendor/katex.js'))).toBe(false);
    expect(bundles.test(path.join(lib, 'lib/output/markdownToHtml.js'))).toBe(false);
    expect(bundles.test('/site/node_modules/katex/dist/katex.cjs')).toBe(false);
    // A site's own noParse is kept, single or listed.
    expect(withPrebuiltVendorBundles(/jquery/)).toEqual([/jquery/, bundles]);
    expect(withPrebuiltVendorBundles([/a/, /b/])).toEqual([/a/, /b/, bundles]);
    expect(withPrebuiltVendorBundles(undefined)).toEqual([bundles]);
  });
});

describe('a production build with Docusaurus’s minimizers', () => {
  // Docusaurus's own webpack and minimizer set-up (@docusaurus/bundler), as `docusaurus build` uses them.
  const fromCore = createRequire(createRequire(import.meta.url).resolve('@docusaurus/core/package.json'));
  const bundlerPath = fromCore.resolve('@docusaurus/bundler');
  const webpack = createRequire(bundlerPath)('webpack') as typeof import('webpack');
  const vendorDir = path.join(
    path.dirname(createRequire(import.meta.url).resolve('@pyodocs/react/package.json')),
    'lib/vendor',
  );
  const markup = path.join(vendorDir, 'markup.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-vendor-chunks-'));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it('leaves the prebuilt library’s chunk as it is, licences included, unparsed, and minifies the rest; it runs', async () => {
    writeFileSync(
      path.join(dir, 'entry.js'),
      `export function renderMarkdown(someLongName) {\n  return import(${JSON.stringify(markup)}).then(({Marked}) => new Marked().parse(someLongName));\n}\n`,
    );
    const bundler = (await import(bundlerPath)) as {
      getMinimizers(params: unknown): Promise<WebpackPluginInstance[]>;
    };
    const minimizer = await bundler.getMinimizers({
      faster: {swcJsMinimizer: false, lightningCssMinimizer: false},
      currentBundler: {name: 'webpack', instance: webpack},
    });
    const config: Configuration = {
      mode: 'production',
      context: dir,
      entry: './entry.js',
      output: {
        path: path.join(dir, 'out'),
        filename: '[name].js',
        chunkFilename: '[name].js',
        library: {type: 'module'},
      },
      experiments: {outputModule: true},
      module: {noParse: withPrebuiltVendorBundles(undefined)},
      optimization: {minimizer, splitChunks: {cacheGroups: {pyodocsVendor: prebuiltVendorCacheGroup()}}},
      plugins: [new PrebuiltVendorChunksPlugin()],
    };
    const stats = await new Promise<Stats>((resolve, reject) =>
      webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))),
    );
    expect(stats.hasErrors(), stats.toString('errors-only')).toBe(false);
    const assets = Object.fromEntries(
      stats.toJson({assets: true}).assets?.map((asset) => [asset.name, asset.info]) ?? [],
    );
    expect(assets['pyodocs-vendor-markup.js']?.minimized).toBe(true);

    const vendor = readFileSync(path.join(dir, 'out/pyodocs-vendor-markup.js'), 'utf8');
    // Terser (comments: false) would have moved both to a .LICENSE.txt file.
    expect(vendor).toContain('/*! @pyodocs/react markup.cjs: dompurify@');
    expect(vendor).toContain('@license DOMPurify');
    // The library's code as its build minified it, not minified again, nor parsed: webpack
    // would have rewritten its `module.exports` had it parsed the file.
    const bundle = readFileSync(path.join(vendorDir, 'markup.cjs'), 'utf8');
    const code = bundle.slice(bundle.indexOf('*/\n') + 3);
    expect(code.length).toBeGreaterThan(50_000);
    expect(vendor).toContain(code);
    const main = readFileSync(path.join(dir, 'out/main.js'), 'utf8');
    expect(main).not.toContain('someLongName');
    // The ES re-export's names reach the bundle's exports through webpack's CommonJS interop.
    const built = (await import(pathToFileURL(path.join(dir, 'out/main.js')).href)) as {
      renderMarkdown(text: string): Promise<string>;
    };
    expect(await built.renderMarkdown('*unparsed*')).toBe('<p><em>unparsed</em></p>\n');
  }, 60_000);
});
