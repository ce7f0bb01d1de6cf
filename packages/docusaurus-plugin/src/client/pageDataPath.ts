/**
 * Where the build serves a page's data (contract C7): `{baseUrl}pyodocs/pages/{route}.json`,
 * `{route}` being the permalink without baseUrl and without surrounding slashes (`index` for
 * the home page). Used at build time to write the files and in the browser to fetch them,
 * so the two always agree.
 */
export function pageDataPath(baseUrl: string, permalink: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const withinSite = permalink.startsWith(base) ? permalink.slice(base.length) : permalink.replace(/^\/+/, '');
  const route = withinSite.replace(/^\/+|\/+$/g, '').replace(/\.html$/, '') || 'index';
  return `${base}pyodocs/pages/${route}.json`;
}
