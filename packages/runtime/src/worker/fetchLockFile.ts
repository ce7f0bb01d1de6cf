import type {PyodideLock} from '../packages/pyodideLock.js';
import type {Fetch} from './packageDownloads.js';

/** The package lock could not be loaded; the message names its URL. */
export class LockFileError extends Error {}

/**
 * The lock file at `url`. Fetched by the worker rather than by Pyodide, so a
 * missing or broken lock fails the start with its URL and cause (Pyodide
 * would report a JSON syntax error).
 */
export async function fetchLockFile(url: string, fetch: Fetch): Promise<PyodideLock> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new LockFileError(
      `could not fetch the package lock ${url}: ${error instanceof Error ? error.message : error}`,
    );
  }
  if (!response.ok) {
    throw new LockFileError(
      url.startsWith('file:') && response.status === 404
        ? `the package lock ${url} does not exist`
        : `the package lock ${url} answered HTTP ${response.status}`,
    );
  }
  let lock: unknown;
  try {
    lock = JSON.parse(await response.text());
  } catch {
    throw new LockFileError(`the package lock ${url} is not JSON`);
  }
  const packages = (lock as {packages?: unknown} | null)?.packages;
  if (typeof packages !== 'object' || packages === null) {
    throw new LockFileError(`the package lock ${url} has no "packages"`);
  }
  return lock as PyodideLock;
}
