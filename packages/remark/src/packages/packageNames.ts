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

/** Concatenate name lists keeping the first occurrence of each name (compared case-insensitively, as PyPI does). */
export function mergePackageNames(...lists: ReadonlyArray<readonly string[] | undefined>): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const list of lists) {
    for (const name of list ?? []) {
      const key = name.toLowerCase().replace(/[-_.]+/g, '-');
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(name);
    }
  }
  return merged;
}
