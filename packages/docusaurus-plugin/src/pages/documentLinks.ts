import path from 'node:path';
import type {LinkedDocument, ResolveDocument} from '@pyodocs/remark';
import type {SitePage} from './sitePages.js';

/**
 * The remark pass's `resolveDocument` for MyST `{doc}` roles, over the
 * site's pages as the content plugins loaded them. A target is a page's path
 * without extension (`.md` and `.mdx` are tried), as MyST and Sphinx write
 * docnames: relative to the linking page, or with a leading `/` from the
 * top of the linking page's content folder (its docs version's `docs/`).
 * The link goes to the page's permalink, with the title Docusaurus gives it
 * (front matter `title`, else its first heading), else its file name.
 */
export function documentResolver(pages: () => readonly SitePage[]): ResolveDocument {
  const pagesBySource = sourceIndex(pages);
  const contentRoot = contentRootResolver(pages);
  return (target, fromPage) => {
    const root = target.startsWith('/') ? contentRoot(fromPage) : path.posix.dirname(fromPage);
    if (root === undefined) return undefined;
    const base = path.posix.join(root, target);
    const names = /\.mdx?$/.test(target) ? [base] : [`${base}.md`, `${base}.mdx`];
    const found = names.map((name) => pagesBySource().get(name)).find((page) => page !== undefined);
    return found && linkedDocument(found);
  };
}

/**
 * The content folder a page is in (its docs version's `docs/`), for what
 * MyST and Sphinx write with a leading `/` (a `{doc}` target, an image):
 * the top of the source folder. The page's own, else the deepest content
 * folder of the site that holds it (a page no content plugin loaded, such as
 * an `{include}`d file). Paths with forward slashes.
 */
export function contentRootResolver(pages: () => readonly SitePage[]): (fromPage: string) => string | undefined {
  const pagesBySource = sourceIndex(pages);
  return (fromPage) => {
    const bySource = pagesBySource();
    const own = bySource.get(fromPage)?.contentRoot;
    if (own !== undefined) return slashes(own);
    let deepest: string | undefined;
    for (const page of bySource.values()) {
      const root = page.contentRoot === undefined ? undefined : slashes(page.contentRoot);
      if (root !== undefined && fromPage.startsWith(`${root}/`) && root.length > (deepest?.length ?? -1))
        deepest = root;
    }
    return deepest;
  };
}

/** The pages by source file (forward slashes), indexed once per list of pages. */
function sourceIndex(pages: () => readonly SitePage[]): () => ReadonlyMap<string, SitePage> {
  const indexes = new WeakMap<readonly SitePage[], Map<string, SitePage>>();
  return () => {
    const all = pages();
    let bySource = indexes.get(all);
    if (!bySource) {
      bySource = new Map(all.map((page) => [slashes(page.source), page]));
      indexes.set(all, bySource);
    }
    return bySource;
  };
}

function linkedDocument(page: SitePage): LinkedDocument {
  const frontMatterTitle = page.frontMatter.title;
  const title =
    page.title ??
    (typeof frontMatterTitle === 'string' && frontMatterTitle !== '' ? frontMatterTitle : undefined) ??
    path.basename(page.source).replace(/\.mdx?$/, '');
  return {url: page.permalink, title, file: page.source};
}

const slashes = (file: string) => file.split(path.sep).join('/');
