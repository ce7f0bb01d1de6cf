import {defaultPythonCellLabels} from '@pyodocs/react';
import {expect, test, vi} from 'vitest';
import {translatedCellLabels} from '../src/themeSupport/translatedCellLabels.js';
import {translatedRunLabels} from '../src/themeSupport/translatedRunLabels.js';

// Docusaurus's translate() answers the English message where no translation exists.
vi.mock('@docusaurus/Translate', () => ({translate: ({message}: {message: string}) => message}));

test('every label a cell or doctest block shows is translatable, with the English default as its message', () => {
  // A label missing here stays English on a translated site, silently.
  expect({...translatedCellLabels(), ...translatedRunLabels()}).toEqual(defaultPythonCellLabels);
  // Each once: what shows before a run with the page, what only a run shows with the run code.
  const before = Object.keys(translatedCellLabels());
  expect(Object.keys(translatedRunLabels()).filter((key) => before.includes(key))).toEqual([]);
});
