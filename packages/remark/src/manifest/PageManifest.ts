/** One cell of a page, in document order. */
export interface PageManifestCell {
  id: string;
  session: string;
  /** The Python source, exactly the fence content. */
  code: string;
  /** Packages this cell needs (page's and fence's); absent when none. */
  packages?: string[];
  /** Start of the fence in the source file (absent for nodes without positions). */
  position?: {line: number; column: number};
}

/**
 * What a page's cells are, for notebook export and checks; set on
 * `file.data.pyodocs` by the transform (empty for pages without cells).
 */
export interface PageManifest {
  cells: PageManifestCell[];
  /** Session names in first-use order. */
  sessions: string[];
  /** Every package the page's cells need (front matter `pyodide.packages` and fence `packages=`), deduplicated, in first-use order. */
  packages: string[];
}

declare module 'vfile' {
  interface DataMap {
    pyodocs: PageManifest;
  }
}
