import {defaultPythonCellLabels} from '@pyodocs/react';
import {expect, test, vi} from 'vitest';
import {translatedCellLabels} from '../src/themeSupport/translatedCellLabels.js';

// Docusaurus's translate() answers the English message where no translation exists.
vi.mock('@docusaurus/Translate', () => ({translate: ({message}: {message: string}) => message}));

test('every label a cell or doctest block shows is translatable, with the English default as its message', () => {
  // A label missing here stays English on a translated site, silently.
  expect(translatedCellLabels()).toEqual(defaultPythonCellLabels);
});
