import {useContext, useMemo, useSyncExternalStore} from 'react';
import {loadedLiveCode, subscribeLiveCode} from '../live/loadLiveCode.js';
import type {PythonCellLabels} from './PythonCellLabels.js';
import {SiteLabelsContext} from './SiteLabelsContext.js';
import {englishViewLabels} from './viewLabels.js';

const notLoaded = () => undefined;

/**
 * English, overlaid with the site's labels (PyodideProvider's `labels`), with
 * the labels only a run shows (`runLabels`, translations loaded with the run
 * code), with a cell's own overrides. The English of what only a run shows
 * comes with the run code (issue 13).
 */
export function usePythonCellLabels(
  overrides: Partial<PythonCellLabels> | undefined,
  runLabels?: Partial<PythonCellLabels> | undefined,
  /** More English, under the site's labels (the doctest blocks' own). */
  english?: Partial<PythonCellLabels> | undefined,
): Readonly<PythonCellLabels> {
  const siteLabels = useContext(SiteLabelsContext);
  const live = useSyncExternalStore(subscribeLiveCode, loadedLiveCode, notLoaded);
  const englishRun = live?.englishRunLabels;
  return useMemo(
    () =>
      ({
        ...englishViewLabels,
        ...english,
        ...englishRun,
        ...siteLabels,
        ...runLabels,
        ...overrides,
      }) as PythonCellLabels,
    [english, englishRun, siteLabels, runLabels, overrides],
  );
}
