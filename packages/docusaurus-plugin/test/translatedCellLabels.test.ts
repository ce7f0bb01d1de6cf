import {defaultPythonCellLabels, defaultPythonPageLabels} from '@pyodocs/react';
import {expect, test, vi} from 'vitest';
import {pageLabelIds, translatedPageLabels} from '../src/themeSupport/translatedPageLabels.js';
import {cellLabelIds, translatedCellLabels} from '../src/themeSupport/translatedCellLabels.js';
import {translatedRunLabels} from '../src/themeSupport/translatedRunLabels.js';
import {doctestLabelIds} from '../src/themeSupport/doctestLabelIds.js';

// Docusaurus's translate() answers the English message where no translation exists;
// `translate.ids` switches it to answering the id, to compare the catalogues with the ids looked up at run time.
const translate = vi.hoisted(() => ({ids: false}));
vi.mock('@docusaurus/Translate', () => ({
  translate: ({id, message}: {id: string; message: string}) => (translate.ids ? id : message),
}));

test('every label a cell or doctest block shows is translatable, with the English default as its message', () => {
  // A label missing here stays English on a translated site, silently.
  expect({...translatedCellLabels(), ...translatedRunLabels()}).toEqual(defaultPythonCellLabels);
  // Each once: what shows before a run with the page, what only a run shows with the run code.
  const before = Object.keys(translatedCellLabels());
  expect(Object.keys(translatedRunLabels()).filter((key) => before.includes(key))).toEqual([]);
  expect(translatedPageLabels()).toEqual(defaultPythonPageLabels);
});

test('the ids a page looks its translations up by are those of the catalogues write-translations extracts', () => {
  translate.ids = true;
  try {
    expect({...cellLabelIds, ...doctestLabelIds}).toEqual(translatedCellLabels());
    expect(pageLabelIds).toEqual(translatedPageLabels());
  } finally {
    translate.ids = false;
  }
});
