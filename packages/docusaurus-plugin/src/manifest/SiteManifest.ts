import type {PageManifest} from '@pyodocs/remark';

/** Every page of the site that the remark pass saw, whether webpack compiled it this time or took it from its cache. */
export interface SiteManifest {
  /** By absolute source file, in a stable (sorted) order. */
  pages: ReadonlyMap<string, PageManifest>;
  /** Output files (figures) the pages' build outputs use. */
  outputFiles: ReadonlySet<string>;
}

/** True when some page has a cell or a doctest block: only then does the site need Python. */
export function siteHasCells(site: SiteManifest): boolean {
  for (const page of site.pages.values()) if (page.cells.length > 0) return true;
  return false;
}

/** What the site's pages ask for: declared packages and imported modules, deduplicated, sorted. */
export function sitePackageRequest(
  site: SiteManifest,
  include: readonly string[] = [],
): {packages: string[]; imports: string[]} {
  const packages = new Set(include);
  const imports = new Set<string>();
  for (const page of site.pages.values()) {
    for (const name of page.packages) packages.add(name);
    for (const cell of page.cells) {
      for (const name of cell.packages) packages.add(name);
      for (const module of cell.imports) imports.add(module);
    }
  }
  return {packages: Array.from(packages).sort(), imports: Array.from(imports).sort()};
}
