import type {PageManifestCell} from '@pyodocs/remark';

/**
 * What the plugin writes for every page with cells or doctest blocks (C7),
 * at `{baseUrl}pyodocs/pages/{route}.json`: fetched on demand by page-level
 * actions (Download notebook, Open in JupyterLite), never part of a page's JS.
 */
export interface PageData {
  /** Source path relative to the site dir. */
  path: string;
  /** The page manifest's cells (C1). */
  cells: PageManifestCell[];
  /** The page as notebook cells: markdown as written, code cells by id (C1's `notebook`). */
  notebook: Array<{type: 'markdown'; source: string} | {type: 'code'; id: string}>;
}

/**
 * Where a page's data is, relative to the site's `baseUrl`: `route` is the
 * page's permalink without `baseUrl` (leading and trailing slashes are
 * dropped; the site's root is `index`), e.g. `docs/getting-started/` →
 * `pyodocs/pages/docs/getting-started.json`. The one way both the build
 * (which writes the file) and the theme (which fetches it) name it.
 */
export function pageDataPath(route: string): string {
  const trimmed = route.replace(/^\/+|\/+$/g, '');
  return `pyodocs/pages/${trimmed === '' ? 'index' : trimmed}.json`;
}

/** The route of the page at `pathname` (a URL path, percent-encoded) on a site served under `baseUrl`. */
export function pageRoute(pathname: string, baseUrl: string): string {
  let path = safeDecode(pathname);
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  if (path.startsWith(base)) path = path.slice(base.length);
  else if (`${path}/` === base) path = '';
  return path.replace(/^\/+|\/+$/g, '');
}

/** Fetches the data of the page at `pathname`; rejects when the site has none for it. */
export async function loadPageData(pathname: string, baseUrl: string): Promise<PageData> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const response = await fetch(`${base}${encodeURI(pageDataPath(pageRoute(pathname, baseUrl)))}`);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${response.url}`);
  const data = (await response.json()) as Partial<PageData>;
  if (!Array.isArray(data.cells) || !Array.isArray(data.notebook)) {
    throw new Error(`${response.url} is not a pyodocs page data file`);
  }
  return data as PageData;
}

function safeDecode(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}
