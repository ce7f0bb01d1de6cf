import type {AllContent} from '@docusaurus/types';

/** Front matter key a page sets to `false` to go without the "Open in JupyterLite" button. */
export const FRONT_MATTER_KEY = 'open_in_jupyterlite';

/**
 * The permalinks of the pages whose front matter says
 * `open_in_jupyterlite: false`, read from what the content plugins loaded:
 * docs (every version), blog posts and MDX pages all describe a page with
 * `permalink` and `frontMatter`. The button sits in the page's actions,
 * outside the page's MDX, so it learns the page's wish from global data.
 */
export function pagesWithoutOpenInJupyterLite(allContent: AllContent): string[] {
  const permalinks = new Set<string>();
  const seen = new Set<object>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const {permalink, frontMatter} = value as {permalink?: unknown; frontMatter?: unknown};
    if (typeof permalink === 'string' && typeof frontMatter === 'object' && frontMatter !== null) {
      if ((frontMatter as Record<string, unknown>)[FRONT_MATTER_KEY] === false) permalinks.add(permalink);
      return;
    }
    for (const child of Object.values(value)) visit(child, depth + 1);
  };
  visit(allContent, 0);
  return [...permalinks].sort();
}
