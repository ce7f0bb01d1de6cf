import {PYODIDE_VERSION} from '../pyodideVersion.js';

/**
 * The official Pyodide distribution of the pinned version (jsDelivr): the
 * default source of packages. Its files are checked against the lock's sha256.
 */
export const OFFICIAL_DISTRIBUTION_URL = `https://cdn.jsdelivr.net/pyodide/v${PYODIDE_VERSION}/full/`;
