/**
 * The Pyodide version this runtime is built and tested against: the exact
 * `pyodide` dependency. Sites serve its files under `/pyodide/<version>/`.
 * test/pyodideVersion.test.ts keeps it equal to the installed package.
 */
export const PYODIDE_VERSION = '314.0.7';
