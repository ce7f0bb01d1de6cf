import type {LoadContext} from '@docusaurus/types';
import {describe, expect, test} from 'vitest';
import pluginPyodocs from '../src/index.js';
import {DEFAULT_OPTIONS, type PluginOptions} from '../src/options.js';

// `docusaurus start` merges the devServer that configureWebpack returns into
// its own webpack-dev-server config: that is how the headers reach the page.
function configure(options: Partial<PluginOptions>): Record<string, unknown> {
  const context = {siteConfig: {baseUrl: '/'}} as unknown as LoadContext;
  const plugin = pluginPyodocs(context, {id: 'default', ...DEFAULT_OPTIONS, ...options});
  const configureWebpack = plugin.configureWebpack as unknown as (
    config: object,
    isServer: boolean,
  ) => Record<string, unknown>;
  return configureWebpack({}, false);
}

describe('crossOriginIsolation', () => {
  test('true: the dev server sends COOP same-origin and COEP require-corp', () => {
    expect(configure({crossOriginIsolation: true}).devServer).toEqual({
      headers: {'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp'},
    });
  });

  test('false (the default): no devServer headers', () => {
    expect(configure({}).devServer).toBeUndefined();
  });
});
