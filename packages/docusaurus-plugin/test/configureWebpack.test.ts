import type {LoadContext} from '@docusaurus/types';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {describe, expect, test} from 'vitest';
import pluginPyodocs from '../src/index.js';
import {SiteManifestPlugin} from '../src/manifest/SiteManifestPlugin.js';
import {DEFAULT_OPTIONS, type PluginOptions} from '../src/options.js';
import {prebuiltVendorBundles} from '../src/prebuiltVendorChunks.js';
import {RemarkInjectionWebpackPlugin} from '../src/remarkInjection.js';

interface WebpackResult {
  plugins: object[];
  devServer?: unknown;
  module?: {rules?: {test: RegExp}[]; noParse?: unknown};
}

function configure(
  options: Partial<PluginOptions>,
  {isServer = false, cache, module}: {isServer?: boolean; cache?: object; module?: object} = {},
): {result: WebpackResult; config: {cache?: {type: string; version?: string}}} {
  const context = {
    siteDir: '/site',
    siteConfig: {baseUrl: '/', markdown: {parseFrontMatter: DEFAULT_PARSE_FRONT_MATTER}},
  } as unknown as LoadContext;
  const plugin = pluginPyodocs(context, {id: 'default', ...DEFAULT_OPTIONS, ...options});
  const configureWebpack = plugin.configureWebpack as unknown as (config: object, isServer: boolean) => WebpackResult;
  const config: {cache?: {type: string; version?: string}; module?: object} = cache
    ? {cache: {...(cache as {type: string})}}
    : {};
  if (module) config.module = module;
  return {result: configureWebpack(config, isServer), config};
}

describe('configureWebpack', () => {
  test('crossOriginIsolation: the dev server sends COOP same-origin and COEP require-corp; off by default', () => {
    expect(configure({crossOriginIsolation: true}).result.devServer).toEqual({
      headers: {'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp'},
    });
    expect(configure({}).result.devServer).toBeUndefined();
  });

  test('the remark plugins go into every MDX loader; the site manifest is collected by the client compiler only', () => {
    const client = configure({}).result.plugins;
    expect(client.some((plugin) => plugin instanceof RemarkInjectionWebpackPlugin)).toBe(true);
    expect(client.some((plugin) => plugin instanceof SiteManifestPlugin)).toBe(true);
    const server = configure({}, {isServer: true}).result.plugins;
    expect(server.some((plugin) => plugin instanceof RemarkInjectionWebpackPlugin)).toBe(true);
    expect(server.some((plugin) => plugin instanceof SiteManifestPlugin)).toBe(false);
  });

  test("the server compiler renders pages with their Suspense boundaries in place (Docusaurus's renderToHtml, patched); the client's rules are untouched", () => {
    const rules = configure({}, {isServer: true}).result.module?.rules ?? [];
    expect(
      rules.map((rule) => rule.test.test('/site/node_modules/@docusaurus/core/lib/client/renderToHtml.js')),
    ).toEqual([true]);
    expect(configure({}).result.module?.rules).toBeUndefined();
  });

  test('both compilers leave the prebuilt libraries unparsed, beside the noParse the site has', () => {
    for (const isServer of [false, true]) {
      expect(configure({}, {isServer}).result.module?.noParse).toEqual([prebuiltVendorBundles()]);
      expect(configure({}, {isServer, module: {noParse: /site-library/}}).result.module?.noParse).toEqual([
        /site-library/,
        prebuiltVendorBundles(),
      ]);
    }
  });

  test("webpack's persistent cache key changes with the options that change what pages compile to", () => {
    const key = (options: Partial<PluginOptions>) =>
      configure(options, {cache: {type: 'filesystem', version: 'site'}}).config.cache?.version;
    expect(key({})).toMatch(/^site\|pyodocs:[0-9a-f]{16}$/);
    expect(key({})).toBe(key({}));
    expect(key({runnable: 'all'})).not.toBe(key({}));
    expect(key({doctest: false})).not.toBe(key({}));
    expect(key({math: 'all'})).not.toBe(key({}));
    // Options that only reach the browser do not invalidate compiled pages.
    expect(key({timeoutSeconds: 10})).toBe(key({}));
  });
});
