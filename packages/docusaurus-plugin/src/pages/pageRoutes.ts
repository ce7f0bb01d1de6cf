import path from 'node:path';
import type {AllContent} from '@docusaurus/types';

/**
 * The permalinks of the site's content files, by absolute source path, read
 * from what the content plugins loaded: docs (every version), blog posts and
 * MDX pages all describe a page with `source` (`@site/…`) and `permalink`.
 * Any other content plugin that does the same is covered too.
 */
export function pageRoutes(allContent: AllContent, siteDir: string): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  const seen = new Set<object>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const {source, permalink} = value as {source?: unknown; permalink?: unknown};
    if (typeof source === 'string' && typeof permalink === 'string' && /\.mdx?$/.test(source)) {
      const file = source.startsWith('@site/') ? path.join(siteDir, source.slice('@site/'.length)) : source;
      const known = routes.get(file) ?? [];
      if (!known.includes(permalink)) routes.set(file, [...known, permalink]);
      return;
    }
    for (const child of Object.values(value)) visit(child, depth + 1);
  };
  visit(allContent, 0);
  return routes;
}
