import {
  defaultPythonCellLabels,
  defaultPythonPageLabels,
  type PythonCellLabels,
  type PythonPageLabels,
} from '@pyodocs/react';
import {expect, test, vi} from 'vitest';
import {translatedPageLabels} from '../src/themeSupport/translatedPageLabels.js';
import {translatedCellLabels} from '../src/themeSupport/translatedCellLabels.js';
import {useSiteLabels} from '../src/themeSupport/siteTranslations.js';
import {translatedRunLabels} from '../src/themeSupport/translatedRunLabels.js';
import {doctestLabelIds} from '../src/themeSupport/doctestLabelIds.js';

// Docusaurus's translate() answers the English message where no translation exists;
// `translate.ids` switches it to answering the id, to compare the catalogues with the ids looked up at run time.
const translate = vi.hoisted(() => ({ids: false}));
vi.mock('@docusaurus/Translate', () => ({
  translate: ({id, message}: {id: string; message: string}) => (translate.ids ? id : message),
}));
// The site's code translations (i18n/<locale>/code.json) as Docusaurus's context gives them.
const context = vi.hoisted(() => ({codeTranslations: {} as Record<string, string>}));
vi.mock('@docusaurus/useDocusaurusContext', () => ({default: () => context}));

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
    // By prefix and label name (useSiteLabels), but the doctest blocks' own (a table of ids in their chunk).
    const byPrefix = (prefix: string, labels: object) =>
      Object.fromEntries(Object.keys(labels).map((key) => [key, `${prefix}${key}`]));
    const cells = {...translatedCellLabels(), ...translatedRunLabels()};
    expect(cells).toEqual({...byPrefix('pyodocs.cell.', cells), ...doctestLabelIds});
    expect(translatedPageLabels()).toEqual(byPrefix('pyodocs.page.', translatedPageLabels()));
  } finally {
    translate.ids = false;
  }
});

test('a page finds the site’s translations by prefix: only those the site has, keyed by label name', () => {
  context.codeTranslations = {
    'pyodocs.cell.run': 'Exécuter',
    'pyodocs.cell.running': 'En cours…',
    'pyodocs.page.runAll': 'Tout exécuter',
    'pyodocs.doctest.tryIt': 'Essayer',
    'theme.docs.sidebar.collapseButtonTitle': 'Réduire',
  };
  expect(useSiteLabels<PythonCellLabels>('pyodocs.cell.')).toEqual({run: 'Exécuter', running: 'En cours…'});
  expect(useSiteLabels<PythonPageLabels>('pyodocs.page.')).toEqual({runAll: 'Tout exécuter'});
  // One object per translations and prefix, for every cell of the page.
  expect(useSiteLabels('pyodocs.cell.')).toBe(useSiteLabels('pyodocs.cell.'));
  context.codeTranslations = {};
  expect(useSiteLabels('pyodocs.cell.')).toEqual({});
});
