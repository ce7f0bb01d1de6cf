import type {VFile} from 'vfile';

/**
 * The page's path relative to `file.cwd`, with `/` separators, as shown in
 * messages and used in default session names. Written without `node:path` so
 * the plugin also runs in browser MDX pipelines. Undefined for a file without
 * a path.
 */
export function relativePagePath(file: VFile): string | undefined {
  if (!file.path) return undefined;
  const path = file.path.replaceAll('\\', '/');
  const cwd = file.cwd.replaceAll('\\', '/').replace(/\/+$/, '');
  if (cwd && path.startsWith(`${cwd}/`)) return path.slice(cwd.length + 1);
  return path;
}
