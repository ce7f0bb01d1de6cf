import type {PyodideLock} from '../packages/pyodideLock.js';
import type {SignalBufferModule} from '../pause/raceFreeSignalBuffer.js';
import type {PyodideHeapModule} from '../snapshot/runtimeCapabilities.js';

// The part of Pyodide's API the engine uses, declared structurally: the
// engine must type-check for browsers without pyodide.d.ts (which pulls in
// Node types), and the npm package's `loadPyodide` must still fit (the Node
// worker thread passes it as is; tsc checks that it does).

/** Output callback called once per line (without the newline). */
export interface BatchedOutput {
  batched: (line: string) => void;
}

/** A loaded Pyodide instance, as far as the engine needs it. */
export interface PyodideRuntime {
  /** Pyodide's version, e.g. `314.0.7`. */
  readonly version: string;
  readonly FS: {
    mkdirTree(path: string): void;
    writeFile(path: string, data: string): void;
  };
  runPython(code: string): unknown;
  /** Import a Python module; returns a PyProxy of it. */
  pyimport(name: string): unknown;
  setStdout(options: BatchedOutput): void;
  setStderr(options: BatchedOutput): void;
  /** `stdin` returning null means end of file. */
  setStdin(options: {stdin: () => string | null}): void;
  /** Pyodide checks `buffer[0]` and raises KeyboardInterrupt when it is 2. */
  setInterruptBuffer(buffer: Int32Array): void;
  /**
   * Load packages of the lock file (with their dependencies) or wheel URLs.
   * Throws for an unknown name; a failed download goes to errorCallback.
   */
  loadPackage(names: string | string[], options?: LoadPackageOptions): Promise<unknown>;
  /** The lock file packages are loaded from. */
  readonly lockfile: Pick<PyodideLock, 'packages'>;
  /**
   * Pyodide's Emscripten module (semi-private): a restored heap is fitted to
   * this engine through it; the shared-memory pause channel mends its signal check.
   */
  readonly _module?: PyodideHeapModule & SignalBufferModule;
}

export interface LoadPackageOptions {
  messageCallback?: (message: string) => void;
  errorCallback?: (message: string) => void;
  checkIntegrity?: boolean;
}

/** What the engine asks `loadPyodide` for; each worker entry maps it to Pyodide's options. */
export interface LoadPyodideConfig {
  /** The core's folder, ending in `/`. */
  indexURL: string;
  /** The lock to resolve packages with (see `PackageSourceOptions.lockFileUrl`). */
  lockFileUrl: string;
  /** What the lock's relative file names resolve against, ending in `/`. */
  baseUrl: string;
  /**
   * Restore this memory snapshot instead of booting (Pyodide's `_loadSnapshot`
   * and `_snapshotDeserializer`; see src/snapshot/).
   */
  snapshot?: {bytes: Promise<Uint8Array>; deserializer: (value: unknown) => unknown};
}

/** Pyodide's `loadPyodide`, as each worker entry wraps it. */
export type LoadPyodide = (config: LoadPyodideConfig) => Promise<PyodideRuntime>;

/** A Pyodide distribution's loader: its `loadPyodide` and its `version` (from pyodide.mjs, before loading). */
export interface PyodideLoader {
  load: LoadPyodide;
  version: string;
}

/**
 * Obtains the loader for an indexURL: in a browser worker by importing
 * `indexURL + 'pyodide.mjs'`, in Node from the npm package.
 */
export type ImportLoadPyodide = (indexURL: string) => Promise<PyodideLoader>;
