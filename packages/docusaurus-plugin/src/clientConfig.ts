import {OFFICIAL_DISTRIBUTION_URL, type PyodideClientConfig} from '@pyodocs/runtime';
import type {PluginOptions} from './options.js';
import type {RuntimeAssets} from './runtimeAssets.js';

/** Where a site with `packages.bundle` serves its packages, relative to baseUrl. */
export const BUNDLE_PUBLIC_DIR = 'pyodocs/packages/';

/**
 * The one object that takes the plugin's options to the reader's browser
 * (client data module → PyodideProvider → PyodideClient), resolved once here.
 */
export function resolveClientConfig(
  options: PluginOptions,
  assets: RuntimeAssets,
  baseUrl: string,
): PyodideClientConfig {
  const {packages} = options;
  const source =
    packages.mirrorUrl !== undefined
      ? {lockFileUrl: `${packages.mirrorUrl}pyodide-lock.json`, baseUrl: packages.mirrorUrl}
      : packages.bundle
        ? {lockFileUrl: `${baseUrl}${BUNDLE_PUBLIC_DIR}pyodide-lock.json`, baseUrl: `${baseUrl}${BUNDLE_PUBLIC_DIR}`}
        : packages.distributionUrl === OFFICIAL_DISTRIBUTION_URL
          ? // The core's own lock (the same file, self-hosted: the sha256 it holds is the site's word) and the official files.
            {baseUrl: packages.distributionUrl}
          : // A copy of the distribution comes with its own lock.
            {lockFileUrl: `${packages.distributionUrl}pyodide-lock.json`, baseUrl: packages.distributionUrl};
  return {
    workerUrl: `${baseUrl}${assets.workerPublicPath}`,
    indexURL: options.pyodideBaseUrl ?? `${baseUrl}${assets.pyodidePublicDir}`,
    packages: packages.indexUrls.length > 0 ? {...source, indexUrls: packages.indexUrls} : source,
    ...(options.timeoutSeconds > 0 ? {timeoutSeconds: options.timeoutSeconds} : {}),
    ...(packages.helpUrl === undefined ? {} : {packagesHelpUrl: onSite(packages.helpUrl, baseUrl)}),
  };
}

/** A path on the site gets the baseUrl, as a navbar item's `to` does; a URL stays as it is. */
function onSite(url: string, baseUrl: string): string {
  return url.startsWith('/') ? `${baseUrl}${url.slice(1)}` : url;
}
