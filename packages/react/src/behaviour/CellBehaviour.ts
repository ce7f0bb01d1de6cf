/**
 * How cells behave for the reader (contract C8): the site's settings, given
 * to `PyodideProvider`'s `cells`, and a page's overrides, given to each cell
 * as `behaviour`.
 */
export interface CellBehaviour {
  /**
   * Running a cell first runs the earlier cells of its session on the page
   * that have not run in this Python session ("needed by a cell below").
   * Default true.
   */
  runPrevious: boolean;
  /** Keep the reader's edits in browser storage (per site, docs version, page and cell). Default true. */
  persistEdits: boolean;
  /**
   * When Python starts: `intent` (the reader hovers, focuses or touches a
   * cell, never with Save-Data on), `eager` (as soon as a cell is on the
   * page), `off` (on the first Run). Default `intent`.
   */
  preload: 'intent' | 'eager' | 'off';
}

/** What a page may override for its cells (front matter `pyodide: {runPrevious, persist}`). */
export type CellBehaviourOverrides = Partial<Pick<CellBehaviour, 'runPrevious' | 'persistEdits'>>;

export const defaultCellBehaviour: Readonly<CellBehaviour> = Object.freeze({
  runPrevious: true,
  persistEdits: true,
  preload: 'intent',
});

/** The site's settings over the defaults; unknown values of `preload` fall back to the default. */
export function resolveCellBehaviour(settings: Partial<CellBehaviour> | undefined): Readonly<CellBehaviour> {
  if (!settings) return defaultCellBehaviour;
  const preload = settings.preload;
  return {
    runPrevious: settings.runPrevious ?? defaultCellBehaviour.runPrevious,
    persistEdits: settings.persistEdits ?? defaultCellBehaviour.persistEdits,
    preload: preload === 'eager' || preload === 'off' || preload === 'intent' ? preload : defaultCellBehaviour.preload,
  };
}
