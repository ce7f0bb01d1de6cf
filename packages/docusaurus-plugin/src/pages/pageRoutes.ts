import type {SitePage} from './sitePages.js';

/** The permalinks of each page's source file (a file can be served at more than one), for the page data files (C7). */
export function pageRoutes(pages: readonly SitePage[]): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  for (const {source, permalink} of pages) routes.set(source, [...(routes.get(source) ?? []), permalink]);
  return routes;
}
