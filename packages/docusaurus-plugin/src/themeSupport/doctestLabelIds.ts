import type {PythonCellLabels} from '@pyodocs/react';

/**
 * The translation ids of what only doctest blocks show: in the doctest
 * blocks' chunk (cellsChunk.ts), not with every cell. Their catalogue for
 * `docusaurus write-translations` is translatedCellLabels.ts's.
 */
export const doctestLabelIds = {
  tryIt: 'pyodocs.doctest.tryIt',
  doctestResults: 'pyodocs.doctest.results',
  doctestMatch: 'pyodocs.doctest.match',
  doctestMismatch: 'pyodocs.doctest.mismatch',
  doctestSkipped: 'pyodocs.doctest.skipped',
  doctestDocumented: 'pyodocs.doctest.documented',
  doctestGot: 'pyodocs.doctest.got',
  doctestStoppedAt: 'pyodocs.doctest.stoppedAt',
  doctestNoOutput: 'pyodocs.doctest.noOutput',
  doctestBuildPassed: 'pyodocs.doctest.buildPassed',
  doctestBuildFailed: 'pyodocs.doctest.buildFailed',
} as const satisfies Partial<Record<keyof PythonCellLabels, string>>;
