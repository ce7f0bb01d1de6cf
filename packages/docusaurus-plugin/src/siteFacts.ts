import type {AllContent} from '@docusaurus/types';
import type {PyodideClientConfig} from '@pyodocs/runtime';
import type {SitePage} from './pages/sitePages.js';

/** The name of the core plugin (Docusaurus keys plugin data and content by it). */
export const PLUGIN_NAME = 'docusaurus-plugin-pyodocs';

/**
 * What @pyodocs/docusaurus-plugin resolved, for sibling plugins (the
 * JupyterLite plugin): its `loadContent` result, which they read in
 * `allContentLoaded` with {@link readPyodocsSiteFacts} instead of finding
 * the core's entry in `siteConfig.plugins` and deriving paths again.
 */
export interface PyodocsSiteFacts {
  /** Version of the Pyodide the site ships, e.g. `314.0.7`. */
  pyodideVersion: string;
  /** Absolute folder of that `pyodide` npm package (its pyodide-lock.json, its runtime files). */
  pyodideDir: string;
  /** URL the pages load Pyodide from, ending with '/' (path with baseUrl, or a full URL). */
  indexURL: string;
  /** The configuration every page's Python client gets. */
  clientConfig: PyodideClientConfig;
  /**
   * A sibling that loads Pyodide from `indexURL` itself (JupyterLite's
   * kernel) calls this, so the build serves the runtime files even when no
   * page has a cell.
   */
  requireRuntimeFiles(by: string): void;
  /**
   * The site's Markdown and MDX pages (source, permalink, front matter), read
   * once from what the content plugins loaded: call it in `allContentLoaded`
   * with the `allContent` Docusaurus gives you.
   */
  sitePages(allContent: AllContent): readonly SitePage[];
}

/**
 * The core plugin's facts, or undefined when the site does not use it. A
 * site has one entry of the core plugin (a second stops the build,
 * oneInstance.ts), whatever its `id`; `id` reads that instance only.
 */
export function readPyodocsSiteFacts(allContent: AllContent, id?: string): PyodocsSiteFacts | undefined {
  const instances = allContent[PLUGIN_NAME] ?? {};
  const facts = id === undefined ? Object.values(instances)[0] : instances[id];
  return facts as PyodocsSiteFacts | undefined;
}
