/**
 * A package name as Pyodide's `loadPackage` / micropip accept it (PEP 508
 * name, no version specifier): letters, digits, `.`, `_`, `-`.
 */
export const PACKAGE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
export const PACKAGE_NAME_CHARS = 'letters, digits, ".", "_" and "-"';

/** Split a `packages="numpy, matplotlib"` value: commas and/or whitespace separate names. */
export function splitPackageList(value: string): string[] {
  return value.split(/[\s,]+/).filter((name) => name !== '');
}

/**
 * Concatenate name lists keeping the first occurrence of each name, compared
 * as written: names are normalised (PEP 503) by the runtime, the one place
 * that knows how its package sources spell them.
 */
export function mergePackageNames(...lists: ReadonlyArray<readonly string[] | undefined>): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}
