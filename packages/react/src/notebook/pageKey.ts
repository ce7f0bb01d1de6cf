/**
 * Which page a cell is on, for what the tab remembers of it: the URL's path
 * without a trailing slash. Cell ids are unique on a page only, and the same
 * named session may be used by several pages. Empty on the server.
 */
export function currentPageKey(): string {
  if (typeof window === 'undefined') return '';
  const path = window.location.pathname.replace(/\/+$/, '');
  return path === '' ? '/' : path;
}
