/**
 * The page the reader is on, as a storage key: the URL path without a
 * trailing slash, `index.html` or `.html`, so the forms a static host serves
 * one page under share its edits. Read it when a cell mounts, not later: on
 * client-side navigation the URL changes before the old page unmounts.
 */
export function currentPagePath(): string {
  const path = window.location.pathname.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}
