// The storage keys alone (no parser): what the cells check before the
// saved edits' code has loaded (loadSavedEditsIO.ts).

/** Prefix of every key this format writes; the version changes with the format. */
export const SAVED_EDITS_KEY_PREFIX = 'pyodocs:edits:v1:';

/** The storage key of a page: JSON keeps any namespace and path apart, whatever characters they hold. */
export function savedEditsKey(namespace: string, page: string): string {
  return SAVED_EDITS_KEY_PREFIX + JSON.stringify([namespace, page]);
}
