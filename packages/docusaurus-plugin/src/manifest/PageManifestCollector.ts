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
  readonly #byFile = new Map<string, PageManifest>();

  /** Forget the previous compilation's manifests (changed pages are compiled again). */
  clear(): void {
    this.#byFile.clear();
  }

  set(file: string, manifest: PageManifest): void {
    const known = this.#byFile.get(file);
    if (known === undefined || manifest.cells.length >= known.cells.length) this.#byFile.set(file, manifest);
  }

  get(file: string): PageManifest | undefined {
    return this.#byFile.get(file);
  }
}
