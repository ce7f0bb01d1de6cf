import type {PageData} from './PageData.js';
import {pageDataPath} from './pageDataPath.js';

/**
 * Fetches the data (C7) of the page at `pathname` (a URL path as the browser
 * gives it, percent-encoded) on a site served under `baseUrl`; rejects when
 * the site has none for it. Page actions call it on demand only.
 */
export async function loadPageData(pathname: string, baseUrl: string): Promise<PageData> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  // The build names files after decoded permalinks; `/site` is the home page of `/site/`.
  const permalink = `${safeDecode(pathname)}/` === base ? base : safeDecode(pathname);
  const response = await fetch(encodeURI(pageDataPath(base, permalink)));
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
