import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PYODIDE_VERSION, type PyodideClient, type PyodideLock, type PyodideLockPackage} from '@pyodocs/runtime';
import {createNodeClient} from '@pyodocs/runtime/node';
import type {PackageBundle} from '../packages/bundlePackages.js';
import {writeFileAtomically} from '../writeFileAtomically.js';

/**
 * The Pyodide cells run in at build: one Node worker thread (the runtime's
 * `createNodeClient`) started on first use, whose lock names the bundled
 * packages by their path in the package cache and every other package where
 * the bundle's lock has it (the distribution), so cells load exactly what a
 * reader's browser would, from disk.
 *
 * The lock is fixed when the worker starts: a page that needs a package the
 * worker's lock does not have on disk restarts it with a lock that has both
 * (sessions are per page, so nothing is lost).
 */
export class ExecutionClient {
  #client: PyodideClient | undefined;
  /** The lock the running worker was given, as packages on disk. */
  #localPackages = new Map<string, PyodideLockPackage>();
  #lockDir: string | undefined;
  #starts = 0;
  #serial = 0;
  readonly #log: (line: string) => void;

  constructor(options: {log: (line: string) => void}) {
    this.#log = options.log;
  }

  /** How many times a Pyodide was started. */
  get starts(): number {
    return this.#starts;
  }

  /**
   * Changes whenever the Python state is lost: a new client, or the client
   * restarted its worker (a crash, a time limit the interrupt missed).
   */
  get generation(): string {
    return `${this.#serial}:${this.#client?.stats.workerStarts ?? 0}`;
  }

  /** The started client, if any (nothing to reset without one). */
  get current(): PyodideClient | undefined {
    return this.#client;
  }

  /**
   * The client, started, with a lock that has `bundle`'s packages on disk.
   * A worker started here also gets those of `alsoOnStart` (what later pages
   * will need), so they need not restart it.
   */
  async client(bundle: PackageBundle, alsoOnStart?: PackageBundle): Promise<PyodideClient> {
    const wanted = localPackages(bundle);
    const missing = Array.from(wanted).filter(
      ([key, entry]) => this.#localPackages.get(key)?.file_name !== entry.file_name,
    );
    if (this.#client !== undefined && missing.length === 0) return this.#client;
    if (this.#client !== undefined) {
      this.#log(
        `Restarting Pyodide to load ${missing.map(([, entry]) => entry.name).join(', ')} from the package cache`,
      );
      this.#client.dispose();
      this.#client = undefined;
    }
    if (alsoOnStart !== undefined) {
      for (const [key, entry] of localPackages(alsoOnStart)) this.#localPackages.set(key, entry);
    }
    for (const [key, entry] of wanted) this.#localPackages.set(key, entry);
    const lock: PyodideLock = {
      ...bundle.lock,
      packages: {...bundle.lock.packages, ...Object.fromEntries(this.#localPackages)},
    };
    this.#lockDir ??= mkdtempSync(path.join(tmpdir(), 'pyodocs-execution-lock-'));
    const lockFile = path.join(this.#lockDir, 'pyodide-lock.json');
    writeFileAtomically(lockFile, JSON.stringify(lock));

    const startedAt = Date.now();
    // Shared memory: a time limit interrupts even a busy loop, and the session survives it.
    const client = createNodeClient({sharedMemory: true, packages: {lockFileUrl: lockFile, baseUrl: this.#lockDir}});
    this.#serial += 1;
    this.#starts += 1;
    try {
      await client.start();
    } catch (error) {
      client.dispose();
      throw error;
    }
    this.#client = client;
    this.#log(
      `Started Pyodide ${PYODIDE_VERSION} to execute cells (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
    );
    return client;
  }

  close(): void {
    this.#client?.dispose();
    this.#client = undefined;
    if (this.#lockDir !== undefined) rmSync(this.#lockDir, {recursive: true, force: true});
    this.#lockDir = undefined;
  }
}

/** The bundle's packages that are files in the package cache, named by their path there. */
function localPackages(bundle: PackageBundle): Map<string, PyodideLockPackage> {
  const paths = new Map(bundle.files.map((file) => [file.fileName, file.path]));
  const local = new Map<string, PyodideLockPackage>();
  for (const [key, entry] of Object.entries(bundle.lock.packages)) {
    const file = paths.get(entry.file_name);
    if (file !== undefined) local.set(key, {...entry, file_name: file});
  }
  return local;
}
