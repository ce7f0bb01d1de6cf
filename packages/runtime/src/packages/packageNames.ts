/**
 * PEP 503 normalisation (`Python_Dateutil` → `python-dateutil`): the form of
 * the lock file's keys and of PyPI project URLs. The one normaliser of the
 * repository: build-time code and the worker both use it.
 */
export function normalizePackageName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}
