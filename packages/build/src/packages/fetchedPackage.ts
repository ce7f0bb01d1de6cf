import type {PyodideLockPackage} from '@pyodocs/runtime';

/** A package file in the cache, verified, with the lock entry that serves it. */
export interface FetchedPackage {
  /** Its lock entry, `file_name` relative (the file sits next to the lock). */
  entry: PyodideLockPackage;
  /** The file in the cache. */
  path: string;
  size: number;
  source: 'distribution' | 'pypi';
  /** Where the file comes from (also when this build took it from the cache). */
  url: string;
  fromCache: boolean;
}
