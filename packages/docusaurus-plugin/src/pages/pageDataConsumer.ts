import path from 'node:path';
import type {PageData} from '../client/PageData.js';
import {pageDataPath} from '../client/pageDataPath.js';
import type {SiteManifestConsumer} from '../manifest/SiteManifestPlugin.js';

/**
 * Writes each page's data (C7) at the URL `pageDataPath` computes from its
 * permalink: page-level actions (Download notebook, Open in JupyterLite)
 * fetch it on demand, so it never weighs on the page's JavaScript.
 */
export function pageDataConsumer(options: {
  baseUrl: string;
  siteDir: string;
  routes: () => ReadonlyMap<string, readonly string[]>;
}): SiteManifestConsumer {
  return (site, output) => {
    const routes = options.routes();
    for (const [file, manifest] of site.pages) {
      if (manifest.cells.length === 0) continue;
      const data: PageData = {
        path: manifest.path ?? path.relative(options.siteDir, file).split(path.sep).join('/'),
        cells: manifest.cells,
        notebook: manifest.notebook,
      };
      const json = JSON.stringify(data);
      for (const permalink of routes.get(file) ?? []) {
        output.emit(pageDataPath(options.baseUrl, permalink).slice(options.baseUrl.length), json);
      }
    }
  };
}
