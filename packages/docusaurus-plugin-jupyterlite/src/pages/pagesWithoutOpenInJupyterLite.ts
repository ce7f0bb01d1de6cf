import type {SitePage} from '@pyodocs/docusaurus-plugin';

/** Front matter key a page sets to `false` to go without the "Open in JupyterLite" button. */
export const FRONT_MATTER_KEY = 'open_in_jupyterlite';

/**
 * The permalinks of the pages whose front matter says
 * `open_in_jupyterlite: false`, among the site pages the core plugin read
 * (`PyodocsSiteFacts.sitePages`). The button sits in the page's actions,
 * outside the page's MDX, so it learns the page's wish from global data.
 */
export function pagesWithoutOpenInJupyterLite(pages: readonly SitePage[]): string[] {
  const permalinks = new Set<string>();
  for (const {permalink, frontMatter} of pages) if (frontMatter[FRONT_MATTER_KEY] === false) permalinks.add(permalink);
  return [...permalinks].sort();
}
