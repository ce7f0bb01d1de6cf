import path from 'node:path';
import type {AllContent} from '@docusaurus/types';

/** A Markdown or MDX page some content plugin loaded (docs of every version, blog posts, MDX pages). */
export interface SitePage {
  /** Absolute path of its source file. */
  source: string;
  /** Where the site serves it, with baseUrl. */
  permalink: string;
  /** Its front matter as the content plugin parsed it; `{}` when it has none. */
  frontMatter: Readonly<Record<string, unknown>>;
  /** Its title as the content plugin read it (front matter or first heading), where it gives one. */
  title?: string;
  /** The content folder it is in (a docs version's `docs/`), where the plugin says (docs' `sourceDirName`). */
  contentRoot?: string;
}

/**
 * The site's Markdown and MDX pages, read from what the content plugins
 * loaded: docs (every version), blog posts and MDX pages all describe a page
 * with `source` (`@site/…`), `permalink` and `frontMatter`. Any other content
 * plugin that does the same is covered too. Sorted by source, then permalink.
 */
export function readSitePages(allContent: AllContent, siteDir: string): SitePage[] {
  const pages = new Map<string, SitePage>();
  const seen = new Set<object>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const {source, permalink, frontMatter, title, sourceDirName} = value as {
      source?: unknown;
      permalink?: unknown;
      frontMatter?: unknown;
      title?: unknown;
      sourceDirName?: unknown;
    };
    if (typeof source === 'string' && typeof permalink === 'string' && /\.mdx?$/.test(source)) {
      const file = source.startsWith('@site/') ? path.join(siteDir, source.slice('@site/'.length)) : source;
      pages.set(`${file}\0${permalink}`, {
        source: file,
        permalink,
        frontMatter:
          typeof frontMatter === 'object' && frontMatter !== null ? (frontMatter as Record<string, unknown>) : {},
        ...(typeof title === 'string' && title !== '' ? {title} : {}),
        ...contentRootOf(file, sourceDirName),
      });
      return;
    }
    for (const child of Object.values(value)) visit(child, depth + 1);
  };
  visit(allContent, 0);
  return [...pages.values()].sort((a, b) => a.source.localeCompare(b.source) || a.permalink.localeCompare(b.permalink));
}

/** The folder a doc's `sourceDirName` (its folder inside the content folder, `.` at the top) is relative to. */
function contentRootOf(file: string, sourceDirName: unknown): {contentRoot?: string} {
  if (typeof sourceDirName !== 'string') return {};
  const folder = path.dirname(file);
  if (sourceDirName === '.') return {contentRoot: folder};
  const inside = path.join(...sourceDirName.split('/'));
  return folder.endsWith(`${path.sep}${inside}`) ? {contentRoot: folder.slice(0, -inside.length - 1)} : {};
}

/**
 * {@link readSitePages} that walks each `allContent` once: Docusaurus hands
 * the same object to every plugin's `allContentLoaded`, so the core plugin
 * and its siblings share one walk (and `docusaurus start` walks again after
 * a reload, with a new object).
 */
export function sitePagesOnce(siteDir: string): (allContent: AllContent) => readonly SitePage[] {
  const walked = new WeakMap<AllContent, SitePage[]>();
  return (allContent) => {
    let pages = walked.get(allContent);
    if (pages === undefined) {
      pages = readSitePages(allContent, siteDir);
      walked.set(allContent, pages);
    }
    return pages;
  };
}
