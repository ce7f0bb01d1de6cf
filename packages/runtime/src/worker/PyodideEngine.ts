import {PROTOCOL_VERSION, protocolMismatchMessage} from '../protocol.js';
import type {
  ClientMessage,
  FatalReason,
  InitMessage,
  LoadStage,
  RunMessage,
  StageTiming,
  WorkerMessage,
} from '../protocol.js';
import {previewMessage} from '../previewMessage.js';
import {handshakeProtocol, isClientMessage} from '../protocolGuards.js';
import {createWorkerPauseChannel} from '../pause/createPauseChannel.js';
import {isPauseMessage, type WorkerPauseChannel} from '../pause/PauseChannel.js';
import {type ResolvedPackageSources, resolvePackageSources, withTrailingSlash} from '../packages/packageSources.js';
import {KERNEL_SOURCE_SHA256} from '../python/kernelSource.js';
import {deserializeKernelHooks} from '../snapshot/kernelHookTags.js';
import {engineHasJspi, fitRestoredHeap} from '../snapshot/runtimeCapabilities.js';
import {
  checkSnapshotHeader,
  type OpenedSnapshot,
  openSnapshot,
  SnapshotMismatchError,
} from '../snapshot/snapshotFile.js';
import {importKernelModule, restoredKernelModule} from './kernelModule.js';
import {LockFileError} from './fetchLockFile.js';
import {installPackages, loadRunPackages, PackageProblem, type RunPackagesContext} from './loadRunPackages.js';
import type {DownloadTracking, PackageDownloads} from './packageDownloads.js';
import type {KernelHooks, KernelModuleProxy, KernelProxy} from './kernelModule.js';
import type {ImportLoadPyodide, LoadPyodideConfig, PyodideLoader, PyodideRuntime} from './PyodideRuntime.js';

export interface PyodideEngineOptions {
  /** Sends a message to the client (`postMessage` of the worker scope or port). */
  post(message: WorkerMessage): void;
  /** Obtains `loadPyodide`; the browser worker imports it from the indexURL, Node passes the npm package's. */
  importLoadPyodide: ImportLoadPyodide;
  /** The download wrapper the worker entry installed in front of `fetch`: byte progress and per-file outcomes. */
  downloads: PackageDownloads;
  /**
   * sha256 (hex) of the `pyodide.asm.wasm` this worker runs (from `indexURL`),
   * which a memory snapshot must have been made with. Rejects when it cannot
   * tell; the snapshot is then not used.
   */
  wasmSha256(indexURL: string): Promise<string>;
  /**
   * Rejects when the next fetch of `pyodide.asm.wasm` from `indexURL` fails.
   * Emscripten then aborts in a promise loadPyodide never settles: the load
   * fails with this instead of waiting forever. Unset where Pyodide reads files.
   */
  wasmFetchFailure?(indexURL: string): Promise<never>;
}

const STAGE_MESSAGES: Record<LoadStage, string> = {
  runtime: 'Loading Python runtime…',
  kernel: 'Starting the Python kernel…',
  globals: 'Preparing the Python session…',
};

type EngineState = 'waiting-for-init' | 'loading' | 'ready' | 'failed';

/**
 * The worker side of the protocol: loads Pyodide in named, timed stages,
 * then runs cells one at a time in arrival order and streams their events.
 * Transport-free: the worker entry (browser) and the Node worker thread wire
 * it to their message ports.
 */
export class PyodideEngine {
  readonly #post: (message: WorkerMessage) => void;
  readonly #importLoadPyodide: ImportLoadPyodide;
  #runtime: PyodideRuntime | undefined;
  readonly #downloads: PackageDownloads;
  #indexURL = '';
  #sources: ResolvedPackageSources = resolvePackageSources('');
  #packagesHelpUrl: string | undefined;
  // The site chose the lock (packages.lockFileUrl); else it is part of the core at indexURL.
  #lockIsOwn = false;
  #state: EngineState = 'waiting-for-init';
  #kernel: KernelProxy | undefined;
  // The run whose output is being produced. Kept after the run ends, so output
  // of a background task it started goes to that run, where the client drops it.
  #runId: string | undefined;
  // The run in progress (loading packages or running); unset between runs.
  #activeRun: string | undefined;
  // The downloads of the cell running now (what its %pip install fetches), for its package errors.
  #runDownloads: DownloadTracking | undefined;
  #work: Promise<void> = Promise.resolve();
  // Interrupts, sleep and input() of the running cell; created from init.
  #pause: WorkerPauseChannel | undefined;
  readonly #wasmSha256: (indexURL: string) => Promise<string>;
  readonly #wasmFetchFailure: (indexURL: string) => Promise<never>;
  // While Python is being restored from a snapshot: gives up that attempt (an uncaught error during it).
  #abandonSnapshot: ((error: unknown) => void) | undefined;

  constructor(options: PyodideEngineOptions) {
    this.#post = options.post;
    this.#importLoadPyodide = options.importLoadPyodide;
    this.#downloads = options.downloads;
    this.#wasmSha256 = options.wasmSha256;
    this.#wasmFetchFailure = options.wasmFetchFailure ?? (() => new Promise<never>(() => undefined));
  }

  /**
   * An error nobody caught (an unhandled rejection in the worker). While
   * Pyodide loads, it is the load failing in a way loadPyodide never reports
   * (Emscripten aborts when pyodide.asm.wasm cannot be fetched, and the load
   * promise then never settles): fail the load instead of hanging.
   */
  uncaughtError(error: unknown): void {
    // Restoring a snapshot went wrong in a way loadPyodide may never report: boot normally instead.
    if (this.#abandonSnapshot !== undefined) {
      this.#abandonSnapshot(error);
      return;
    }
    // A wasm trap while a cell runs (Pyodide flags it): this Pyodide cannot go on,
    // and the run's promise never settles. Fail, so the client restarts the worker.
    if (typeof error === 'object' && error !== null && (error as {pyodide_fatal_error?: unknown}).pyodide_fatal_error) {
      this.#fail(
        'internal',
        `Python crashed while running the cell (${errorText(error).split('\n')[0]}); the next Run starts a fresh Python.`,
      );
      return;
    }
    if (this.#state !== 'loading' || this.#kernel !== undefined) return;
    this.#fail('load-failed', loadFailureMessage(this.#indexURL, this.#sources, this.#lockIsOwn, error));
  }

  /** Handle one message from the client (already structured-cloned). */
  receive(data: unknown): void {
    if (this.#state === 'failed') return;
    // Refuse another protocol by its version before reading its other fields.
    const protocol = handshakeProtocol(data, 'init');
    if (protocol !== undefined && protocol !== PROTOCOL_VERSION) {
      this.#fail('protocol-mismatch', protocolMismatchMessage(protocol, PROTOCOL_VERSION));
      return;
    }
    if (!isClientMessage(data)) {
      this.#fail('bad-message', `The Python worker received a message it does not understand: ${previewMessage(data)}`);
      return;
    }
    // Not queued: the paused run they are for is what the queue is waiting for.
    if (isPauseMessage(data)) {
      this.#pause?.receive(data);
      return;
    }
    // One message at a time: a run must finish before the next starts.
    this.#work = this.#work
      .then(() => this.#handle(data))
      .catch((error: unknown) => this.#fail('internal', `The Python worker failed: ${errorText(error)}`));
  }

  async #handle(message: ClientMessage): Promise<void> {
    if (this.#state === 'failed') return;
    if (message.type === 'init') {
      if (this.#state !== 'waiting-for-init') {
        this.#fail('bad-message', 'The Python worker received a second init message.');
        return;
      }
      await this.#load(message);
      return;
    }
    const kernel = this.#kernel;
    if (this.#state !== 'ready' || kernel === undefined) {
      this.#fail('bad-message', `The Python worker received "${message.type}" before it was ready.`);
      return;
    }
    if (message.type === 'run') {
      await this.#run(kernel, message);
    } else if (message.type === 'reset-session') {
      kernel.reset_session(message.session);
      this.#post({type: 'done', id: message.id, status: 'ok'});
    }
  }

  async #load(message: InitMessage): Promise<void> {
    this.#state = 'loading';
    const indexURL = withTrailingSlash(message.indexURL);
    const sources = resolvePackageSources(indexURL, message.packages);
    this.#indexURL = indexURL;
    this.#lockIsOwn = message.packages?.lockFileUrl !== undefined;
    // Messages name them absolute where the worker has a location (the browser).
    const here = siteLocation()?.href;
    this.#sources =
      here === undefined
        ? sources
        : {
            ...sources,
            lockFileUrl: new URL(sources.lockFileUrl, here).href,
            baseUrl: new URL(sources.baseUrl, here).href,
          };
    const helpUrl = message.packagesHelpUrl;
    this.#packagesHelpUrl = helpUrl === undefined || here === undefined ? helpUrl : new URL(helpUrl, here).href;
    const pause = createWorkerPauseChannel(message.pause ?? {transport: 'messages'}, {
      post: (request) => this.#post(request),
      currentRun: () => this.#activeRun,
    });
    this.#pause = pause;
    const hooks = this.#hooks(pause);
    // Fetched from now on, beside pyodide.mjs: its header arrives long before Pyodide needs the rest.
    const snapshotUrl = message.snapshotUrl;
    const snapshot = snapshotUrl === undefined ? undefined : this.#openSnapshot(snapshotUrl);
    const timings: StageTiming[] = [];
    let runtime: PyodideRuntime;
    let restored = false;
    let snapshotError: string | undefined;
    try {
      runtime = await this.#stage('runtime', timings, async () => {
        const loader = await this.#importLoadPyodide(indexURL);
        const config: LoadPyodideConfig = {indexURL, lockFileUrl: sources.lockFileUrl, baseUrl: sources.baseUrl};
        if (snapshot !== undefined) {
          try {
            const fromSnapshot = await this.#restore(loader, config, snapshot, hooks);
            restored = true;
            return fromSnapshot;
          } catch (error) {
            snapshotError = errorText(error);
            // Silent for the reader (Python boots as without it), visible to whoever looks at the console.
            console.warn(
              `[pyodocs] The memory snapshot ${snapshotUrl} was not used: ${snapshotError}. Starting Python without it.`,
            );
          }
        }
        return Promise.race([this.#wasmFetchFailure(indexURL), loader.load(config)]);
      });
      pause.attach(runtime);
    } catch (error) {
      this.#fail('load-failed', loadFailureMessage(indexURL, sources, this.#lockIsOwn, error));
      return;
    }
    let pythonVersion: string;
    try {
      const kernelModule: KernelModuleProxy = await this.#stage('kernel', timings, () =>
        restored ? restoredKernelModule(runtime) : importKernelModule(runtime),
      );
      pythonVersion = await this.#stage('globals', timings, () => {
        this.#wireStdio(runtime);
        const devicePixelRatio = message.devicePixelRatio ?? 1;
        this.#kernel = restored
          ? kernelModule.resume_kernel(devicePixelRatio)
          : kernelModule.create_kernel(hooks, devicePixelRatio);
        this.#runtime = runtime;
        return kernelModule.python_version();
      });
    } catch (error) {
      this.#fail(
        'load-failed',
        `Pyodide ${runtime.version} loaded, but the pyodocs kernel failed to start: ${errorText(error)}`,
      );
      return;
    }
    this.#state = 'ready';
    this.#post({
      type: 'ready',
      protocol: PROTOCOL_VERSION,
      pyodideVersion: runtime.version,
      pythonVersion,
      timings,
      boot: restored ? 'snapshot' : 'fresh',
      ...(snapshotError === undefined ? {} : {snapshotError}),
    });
  }

  /** Start fetching the snapshot file; resolves once its header has arrived. */
  #openSnapshot(url: string): Promise<OpenedSnapshot> {
    const opened = this.#downloads.fetch(url).then(
      (response) => openSnapshot(response, url),
      (error: unknown) => {
        throw new SnapshotMismatchError(`could not fetch ${url}: ${errorText(error)}`);
      },
    );
    // Awaited later, after pyodide.mjs; a failure must not count as unhandled meanwhile.
    opened.catch(() => undefined);
    return opened;
  }

  /**
   * Python restored from the snapshot, after checking that it was made with
   * this Pyodide (version, then pyodide.asm.wasm's sha256) and this kernel.
   * Rejects on any mismatch or failure; the caller then boots normally.
   */
  async #restore(
    loader: PyodideLoader,
    config: LoadPyodideConfig,
    snapshot: Promise<OpenedSnapshot>,
    hooks: KernelHooks,
  ): Promise<PyodideRuntime> {
    const opened = await snapshot;
    const {header} = opened;
    try {
      checkSnapshotHeader(header, {
        pyodideVersion: loader.version,
        kernelSha256: KERNEL_SOURCE_SHA256,
        jspi: engineHasJspi(),
      });
    } catch (error) {
      opened.cancel();
      throw error;
    }
    const wasmSha256 = this.#wasmSha256(config.indexURL);
    const bytes = Promise.all([opened.body(), wasmSha256]).then(([body, sha256]) => {
      if (sha256 !== header.wasmSha256) {
        throw new SnapshotMismatchError(`it was made with another build of pyodide.asm.wasm than ${config.indexURL}`);
      }
      return body;
    });
    bytes.catch(() => undefined);
    const abandoned = new Promise<never>((_resolve, reject) => {
      this.#abandonSnapshot = reject;
    });
    try {
      const runtime = await Promise.race([
        this.#wasmFetchFailure(config.indexURL),
        loader.load({...config, snapshot: {bytes, deserializer: deserializeKernelHooks(hooks)}}),
        abandoned,
      ]);
      // Before any Python runs: this engine's call trampoline, not the build's.
      if (runtime._module === undefined) throw new SnapshotMismatchError('this Pyodide does not expose its module');
      fitRestoredHeap(runtime._module, header);
      return runtime;
    } finally {
      this.#abandonSnapshot = undefined;
    }
  }

  async #stage<T>(stage: LoadStage, timings: StageTiming[], work: () => T | Promise<T>): Promise<T> {
    this.#post({type: 'progress', stage, message: STAGE_MESSAGES[stage]});
    const started = performance.now();
    const value = await work();
    timings.push({stage, ms: Math.round(performance.now() - started)});
    return value;
  }

  /**
   * Python-level output goes through the kernel's line-buffered sys.stdout;
   * these catch what is written to the file descriptors directly (C code,
   * os.write). input() never reads fd 0 (the kernel replaces it and asks
   * through the pause channel); other reads of stdin get end of file.
   */
  #wireStdio(runtime: PyodideRuntime): void {
    runtime.setStdout({batched: (line) => this.#emitStream('stdout', `${line}\n`)});
    runtime.setStderr({batched: (line) => this.#emitStream('stderr', `${line}\n`)});
    runtime.setStdin({stdin: () => null});
  }

  #hooks(pause: WorkerPauseChannel): KernelHooks {
    return {
      pause: pause.kernelHooks,
      stream: (name, text) => {
        if (name === 'stdout' || name === 'stderr') this.#emitStream(name, text);
      },
      output: (kind, payloadJson) => {
        const id = this.#runId;
        if (id === undefined || (kind !== 'result' && kind !== 'display')) return;
        const payload: unknown = JSON.parse(payloadJson);
        if (!isOutputPayload(payload)) throw new TypeError(`Malformed ${kind} payload from the kernel`);
        this.#post({type: kind, id, data: payload.data, metadata: payload.metadata});
      },
      error: (ename, evalue, traceback, details) => {
        const id = this.#runId;
        if (id === undefined) return;
        this.#post({type: 'error', id, error: {ename, evalue, traceback, ...(details == null ? {} : {details})}});
      },
      install_packages: async (specsJson) => {
        const runtime = this.#runtime;
        const kernel = this.#kernel;
        const downloads = this.#runDownloads;
        if (runtime === undefined || kernel === undefined || downloads === undefined) {
          return JSON.stringify({ename: 'PackageLoadError', evalue: '%pip install works only while a cell runs.'});
        }
        try {
          await installPackages(runtime, kernel, JSON.parse(specsJson) as string[], this.#packageContext(downloads));
          return '{}';
        } catch (error) {
          return JSON.stringify(packageError(error));
        }
      },
    };
  }

  #emitStream(name: 'stdout' | 'stderr', text: string): void {
    const id = this.#runId;
    if (id !== undefined) this.#post({type: 'stream', id, name, text});
  }

  async #run(kernel: KernelProxy, message: RunMessage): Promise<void> {
    this.#runId = message.id;
    this.#activeRun = message.id;
    try {
      await this.#loadAndRun(kernel, message);
    } finally {
      this.#activeRun = undefined;
    }
  }

  async #loadAndRun(kernel: KernelProxy, message: RunMessage): Promise<void> {
    if (!(await this.#loadPackages(kernel, message))) {
      this.#post({type: 'done', id: message.id, status: 'error'});
      return;
    }
    let status: 'ok' | 'error';
    // Packages the cell installs itself (%pip install, micropip.install) report progress too.
    const tracking = this.#trackDownloads(message.id);
    this.#runDownloads = tracking;
    const running = kernel.run(message.code, message.session, message.cellId, message.kind);
    try {
      status = (await running) === 'ok' ? 'ok' : 'error';
    } catch (error) {
      const text = errorText(error);
      if (isFatalPyodideError(text)) {
        // Wasm trapped (out of bounds, stack overflow in C): this Pyodide is unusable.
        this.#fail(
          'internal',
          `Python crashed while running the cell (${text.split('\n')[0]}); the next Run starts a fresh Python.`,
        );
        return;
      }
      // Kernel.run catches every Python exception; reaching here is a kernel bug.
      this.#post({type: 'error', id: message.id, error: {ename: 'PyodocsKernelError', evalue: text, traceback: text}});
      status = 'error';
    } finally {
      tracking.stop();
      this.#runDownloads = undefined;
      running.destroy?.();
    }
    this.#post({type: 'done', id: message.id, status});
  }

  /** False (after an error event) when the packages the run needs could not be loaded. */
  async #loadPackages(kernel: KernelProxy, message: RunMessage): Promise<boolean> {
    const runtime = this.#runtime;
    if (runtime === undefined) return true;
    const tracking = this.#trackDownloads(message.id);
    try {
      await loadRunPackages(runtime, kernel, message, this.#packageContext(tracking));
      return true;
    } catch (error) {
      const {ename, evalue, details} = packageError(error);
      const pythonError = {
        ename,
        evalue,
        traceback: `${ename}: ${evalue}\n`,
        ...(details === undefined ? {} : {details}),
      };
      this.#post({type: 'error', id: message.id, error: pythonError});
      return false;
    } finally {
      tracking.stop();
    }
  }

  #packageContext(downloads: DownloadTracking): RunPackagesContext {
    return {
      sources: this.#sources,
      helpUrl: this.#packagesHelpUrl,
      siteOrigin: siteLocation()?.origin,
      downloads,
    };
  }

  /** Package downloads from now on report their bytes to run `id`. */
  #trackDownloads(id: string): DownloadTracking {
    return this.#downloads.track((pkg, loaded, total) =>
      this.#post({type: 'download', id, package: pkg, loaded, total}),
    );
  }

  #fail(reason: FatalReason, message: string): void {
    if (this.#state === 'failed') return;
    this.#state = 'failed';
    this.#post({type: 'fatal', reason, message});
  }
}

/** A package problem as the cell's exception: its name, its lines, the URLs behind a toggle. */
function packageError(error: unknown): {ename: string; evalue: string; details?: string} {
  const ename = error instanceof PackageProblem ? error.ename : 'PackageLoadError';
  const details = error instanceof PackageProblem ? error.details : undefined;
  return {ename, evalue: errorText(error), ...(details === undefined ? {} : {details})};
}

function isOutputPayload(value: unknown): value is {data: Record<string, unknown>; metadata: Record<string, unknown>} {
  if (typeof value !== 'object' || value === null) return false;
  const {data, metadata} = value as Record<string, unknown>;
  return typeof data === 'object' && data !== null && typeof metadata === 'object' && metadata !== null;
}

function loadFailureMessage(
  indexURL: string,
  sources: ResolvedPackageSources,
  lockIsOwn: boolean,
  error: unknown,
): string {
  const text = errorText(error);
  // Pyodide's own lock checks (ABI version, no "packages") say "lock file" too.
  if (lockIsOwn && (error instanceof LockFileError || /lock ?file/i.test(text))) {
    return (
      `Could not load Pyodide: ${text}. Check the packages.lockFileUrl option (now ${sources.lockFileUrl}): ` +
      'it must be a pyodide-lock.json made for this Pyodide version, and the site must serve it.'
    );
  }
  return (
    `Could not load Pyodide from ${indexURL} (${text}). ` +
    'Check the pyodideBaseUrl option (the indexURL given to the runtime): it must point at a folder that serves ' +
    'pyodide.mjs, pyodide.asm.wasm and python_stdlib.zip. If it does, check the network connection and retry.'
  );
}

/** The worker script's location in a browser; undefined in Node. */
function siteLocation(): {href: string; origin: string} | undefined {
  return (globalThis as {location?: {href: string; origin: string}}).location;
}

/** Pyodide marks a trap in its own code (wasm RuntimeError) as fatal; the runtime cannot go on. */
function isFatalPyodideError(text: string): boolean {
  return /Pyodide has suffered a fatal error|memory access out of bounds|unreachable/.test(text);
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim();
}
