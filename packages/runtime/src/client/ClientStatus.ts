import type {BootKind} from '../protocol.js';

/**
 * What the client's worker is doing. A new object on every change (the same
 * object until then), so it can be a `useSyncExternalStore` snapshot.
 */
export type ClientStatus =
  /** No worker yet (nothing downloaded), or the last one was stopped or restarted. */
  | {state: 'idle'}
  /** A worker is starting; `stage` is `worker` then the worker's `LoadStage`s. */
  | {state: 'loading'; stage: string; message: string}
  /** Pyodide is loaded; runs execute right away. */
  | {
      state: 'ready';
      pyodideVersion: string;
      pythonVersion: string;
      /** `snapshot`: Python was restored from the memory snapshot; `fresh`: it booted. */
      boot?: BootKind;
      /** Why the configured memory snapshot was not used (the worker also says so in the console). */
      snapshotError?: string;
    }
  /** The worker failed; the next run (or start()) starts a fresh one. */
  | {state: 'crashed'; message: string};
