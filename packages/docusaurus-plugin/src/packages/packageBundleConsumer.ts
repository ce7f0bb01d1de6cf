import {readFileSync} from 'node:fs';
import path from 'node:path';
import {bundlePackages, describePackageBundle, distributionLock} from '@pyodocs/build';
import {sitePackageRequest} from '../manifest/SiteManifest.js';
import type {SiteManifestConsumer} from '../manifest/SiteManifestPlugin.js';
import type {PackagesOptions} from '../options.js';

/**
 * `packages.bundle`: the packages the site's pages need (and `include`),
 * fetched by @pyodocs/build into its cache, written into the build under
 * `publicDir` with the lock that lists them (and every other package of
 * the distribution at its official URL). One line says what was shipped;
 * what could not be fetched is a warning, or an error with `strict`.
 */
export function packageBundleConsumer(options: {
  packages: PackagesOptions;
  siteDir: string;
  publicDir: string;
}): SiteManifestConsumer {
  const {packages} = options;
  let lastReport = '';
  const cacheDir = path.resolve(options.siteDir, packages.cacheDir);
  return async (site, output) => {
    const request = sitePackageRequest(site, packages.include);
    let lock: Awaited<ReturnType<typeof distributionLock>>;
    try {
      lock = await distributionLock(packages.distributionUrl, {cacheDir});
    } catch (error) {
      output.error(error instanceof Error ? error.message : String(error));
      return;
    }
    const bundle = await bundlePackages(request, {
      cacheDir,
      lock,
      distributionUrl: packages.distributionUrl,
      pypiUrl: packages.pypiUrl,
    });
    output.emit(`${options.publicDir}pyodide-lock.json`, `${JSON.stringify(bundle.lock)}\n`);
    for (const file of bundle.files) output.emit(`${options.publicDir}${file.fileName}`, readFileSync(file.path));

    // `docusaurus start` rebuilds on every change: say it again only when it changed.
    const report = describePackageBundle(bundle);
    if (report !== lastReport) console.info(`[pyodocs] ${report}`);
    lastReport = report;
    if (bundle.failed.length > 0) {
      const lines = bundle.failed.map((failure) => `- ${failure.name}: ${failure.reason}`).join('\n');
      const message = packages.strict
        ? `packages.strict is on and ${bundle.failed.length} package(s) could not be bundled:\n${lines}`
        : `${bundle.failed.length} package(s) could not be bundled; readers will load them from ${packages.distributionUrl} instead (set packages.strict to fail the build):\n${lines}`;
      if (packages.strict) output.error(message);
      else output.warn(message);
    }
  };
}
