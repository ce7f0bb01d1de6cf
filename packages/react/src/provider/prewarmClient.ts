import type {PyodideClient} from '@pyodocs/runtime';

/**
 * Starts the client's worker ahead of the first Run, unless the reader asked
 * their browser to save data. The runtime's preload() also starts fetching
 * the memory snapshot and never throws: a failure is left for the Run that
 * follows, which reports it in its cell.
 */
export function prewarmClient(client: PyodideClient): void {
  if (savesData()) return;
  client.preload();
}

/** `navigator.connection.saveData` (Chromium's Save-Data / Lite mode): never download Python on a hover then. */
function savesData(): boolean {
  if (typeof navigator === 'undefined') return false;
  const connection = (navigator as Navigator & {connection?: {saveData?: unknown}}).connection;
  return connection?.saveData === true;
}
