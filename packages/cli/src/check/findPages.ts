import {existsSync} from 'node:fs';
import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';

const PAGE_EXTENSIONS = new Set(['.md', '.mdx']);
const DOCUSAURUS_CONFIGS = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map(
  (extension) => `docusaurus.config.${extension}`,
);
/** The folders of a Docusaurus site whose pages have cells: the docs, blog and pages plugins' defaults. */
export const SITE_PAGE_FOLDERS = ['docs', 'blog', path.join('src', 'pages')];

/**
 * The `.md`/`.mdx` pages under `paths` (files or folders, relative to
 * `cwd`), sorted, each once. A folder holding a `docusaurus.config.*` is a
 * site: its docs/, blog/ and src/pages/ are read. As Docusaurus does, files
 * and folders whose names start with `_` (partials) are left out, and so
 * are node_modules and hidden folders.
 */
export async function findPages(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const location = path.resolve(cwd, given);
    const info = await stat(location).catch(() => undefined);
    if (info === undefined) throw new Error(`No such file or folder: ${given}`);
    if (info.isFile()) {
      if (!PAGE_EXTENSIONS.has(path.extname(location))) throw new Error(`Not a .md or .mdx page: ${given}`);
      found.add(location);
      continue;
    }
    const isSite = DOCUSAURUS_CONFIGS.some((name) => existsSync(path.join(location, name)));
    const roots = isSite
      ? SITE_PAGE_FOLDERS.map((folder) => path.join(location, folder)).filter((folder) => existsSync(folder))
      : [location];
    for (const root of roots) for (const page of await pagesUnder(root)) found.add(page);
  }
  return Array.from(found).sort((a, b) => pagePath(a, cwd).localeCompare(pagePath(b, cwd)));
}

async function pagesUnder(folder: string): Promise<string[]> {
  const pages: string[] = [];
  for (const entry of await readdir(folder, {withFileTypes: true})) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const location = path.join(folder, entry.name);
    if (entry.isDirectory()) pages.push(...(await pagesUnder(location)));
    else if (entry.isFile() && PAGE_EXTENSIONS.has(path.extname(entry.name))) pages.push(location);
  }
  return pages;
}

/** How a page is named in reports (and sharded): its path relative to `cwd`, with `/` separators. */
export function pagePath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}
