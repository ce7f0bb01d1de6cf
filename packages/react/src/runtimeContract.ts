// contract C5, until the runtime branch lands (with C4's config and C6's error
// details): the shapes PLAN.md promises from @pyodocs/runtime that this
// branch's runtime does not have yet. At merge, delete this file and import
// these names from '@pyodocs/runtime' instead.
import type {PythonError as RuntimePythonError, RunRequest as RuntimeRunRequest} from '@pyodocs/runtime';

/** C3: where packages come from. */
export interface PackageSourceOptions {
  lockFileUrl?: string;
  baseUrl?: string;
  indexUrls?: string[];
}

/** C4: the structured-cloneable client options, passed whole from the plugin to the client. */
export interface PyodideClientConfig {
  workerUrl: string;
  indexURL: string;
  packages?: PackageSourceOptions;
  timeoutSeconds?: number;
  sharedMemory?: boolean;
  interruptGraceMs?: number;
}

/** C5: `kind: 'doctest'` runs `code` (the block as documented) with CPython's doctest. */
export type RunRequest = RuntimeRunRequest & {kind?: 'cell' | 'doctest'};

/** C6: the URLs and causes behind a short package error, shown behind a toggle. */
export type PythonError = RuntimePythonError & {details?: string};
