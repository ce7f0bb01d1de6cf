import type {PageManifest} from '@pyodocs/remark';

/**
 * Page manifests as the remark pass produces them, by source file, until
 * the webpack plugin attaches each to its module (see SiteManifestPlugin).
 *
 * A file can be compiled as several modules (a blog post and its
 * `?truncated` excerpt) whose passes interleave; the excerpt's cells are a
 * prefix of the post's, so within one compilation the manifest with more
 * cells wins: the full post always gets its own.
 */
export class PageManifestCollector {
  readonly #byFile = new Map<string, PageRecord>();

  /** Forget the previous compilation's manifests (changed pages are compiled again). */
  clear(): void {
    this.#byFile.clear();
  }

  set(file: string, record: PageRecord): void {
    const known = this.#byFile.get(file);
    if (known === undefined || record.manifest.cells.length >= known.manifest.cells.length)
      this.#byFile.set(file, record);
  }

  get(file: string): PageRecord | undefined {
    return this.#byFile.get(file);
  }
}

/** What the build keeps of a page with its webpack module: its manifest, and the output files (figures) its build outputs use. */
export interface PageRecord {
  manifest: PageManifest;
  outputFiles: readonly string[];
}
