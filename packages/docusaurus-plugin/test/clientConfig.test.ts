import {OFFICIAL_DISTRIBUTION_URL} from '@pyodocs/runtime';
import {describe, expect, test} from 'vitest';
import {resolveClientConfig} from '../src/clientConfig.js';
import {DEFAULT_OPTIONS, DEFAULT_PACKAGES_OPTIONS, type PluginOptions} from '../src/options.js';
import type {RuntimeAssets} from '../src/runtimeAssets.js';

const assets: RuntimeAssets = {
  pyodideVersion: '314.0.7',
  pyodideDir: '/site/node_modules/pyodide',
  workerFile: '/site/node_modules/@pyodocs/runtime/dist/worker.js',
  pyodidePublicDir: 'pyodide/314.0.7/',
  workerPublicPath: 'pyodocs/worker.0123456789.js',
};

function options(overrides: Partial<PluginOptions>): PluginOptions {
  return {id: 'default', ...DEFAULT_OPTIONS, ...overrides};
}

describe('resolveClientConfig: one object from the plugin options to the browser', () => {
  test('default: self-hosted core and its lock, package files from the official distribution', () => {
    expect(resolveClientConfig(options({}), assets, '/docs/')).toEqual({
      workerUrl: '/docs/pyodocs/worker.0123456789.js',
      indexURL: '/docs/pyodide/314.0.7/',
      packages: {baseUrl: OFFICIAL_DISTRIBUTION_URL},
    });
  });

  test('a copy of the distribution: its own lock and files', () => {
    const config = resolveClientConfig(
      options({packages: {...DEFAULT_PACKAGES_OPTIONS, distributionUrl: 'https://mirror.example.org/pyodide/'}}),
      assets,
      '/',
    );
    expect(config.packages).toEqual({
      lockFileUrl: 'https://mirror.example.org/pyodide/pyodide-lock.json',
      baseUrl: 'https://mirror.example.org/pyodide/',
    });
  });

  test('bundle: lock and wheels from the build', () => {
    const config = resolveClientConfig(options({packages: {...DEFAULT_PACKAGES_OPTIONS, bundle: true}}), assets, '/');
    expect(config.packages).toEqual({
      lockFileUrl: '/pyodocs/packages/pyodide-lock.json',
      baseUrl: '/pyodocs/packages/',
    });
  });

  test('a mirror: lock and wheels from the folder the site serves', () => {
    const config = resolveClientConfig(
      options({packages: {...DEFAULT_PACKAGES_OPTIONS, mirrorUrl: '/pyodide-packages/'}}),
      assets,
      '/',
    );
    expect(config.packages).toEqual({
      lockFileUrl: '/pyodide-packages/pyodide-lock.json',
      baseUrl: '/pyodide-packages/',
    });
  });

  test('a page about packages: a path on the site gets the baseUrl, a URL stays as it is; none by default', () => {
    const withPath = options({packages: {...DEFAULT_PACKAGES_OPTIONS, helpUrl: '/docs/packages'}});
    expect(resolveClientConfig(withPath, assets, '/site/').packagesHelpUrl).toBe('/site/docs/packages');
    const withUrl = options({packages: {...DEFAULT_PACKAGES_OPTIONS, helpUrl: 'https://docs.example.org/packages'}});
    expect(resolveClientConfig(withUrl, assets, '/site/').packagesHelpUrl).toBe('https://docs.example.org/packages');
    expect(resolveClientConfig(options({}), assets, '/site/')).not.toHaveProperty('packagesHelpUrl');
  });

  test('index URLs, a CDN core and a time limit are passed on; nothing else is added', () => {
    const config = resolveClientConfig(
      options({
        pyodideBaseUrl: 'https://cdn.example.org/pyodide/',
        timeoutSeconds: 30,
        packages: {...DEFAULT_PACKAGES_OPTIONS, indexUrls: ['https://pypi.org/simple/{package_name}/']},
      }),
      assets,
      '/',
    );
    expect(config).toEqual({
      workerUrl: '/pyodocs/worker.0123456789.js',
      indexURL: 'https://cdn.example.org/pyodide/',
      packages: {baseUrl: OFFICIAL_DISTRIBUTION_URL, indexUrls: ['https://pypi.org/simple/{package_name}/']},
      timeoutSeconds: 30,
    });
  });
});
