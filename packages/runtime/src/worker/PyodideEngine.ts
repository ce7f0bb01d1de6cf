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
import {installDownloadProgress} from './downloadProgress.js';
import {importKernelModule} from './kernelModule.js';
import {loadRunPackages, PackageProblem} from './loadRunPackages.js';
import type {KernelHooks, KernelProxy} from './kernelModule.js';
import type {ImportLoadPyodide, PyodideRuntime} from './PyodideRuntime.js';

export interface PyodideEngineOptions {
  /** Sends a message to the client (`postMessage` of the worker scope or port). */
  post(message: WorkerMessage): void;
  /** Obtains `loadPyodide`; the browser worker imports it from the indexURL, Node passes the npm package's. */
  importLoadPyodide: ImportLoadPyodide;
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
  #lockLocation = '';
  #indexURL = '';
  #packageBaseUrl: string | undefined;
  #packageIndexUrls: string[] = [];
  // The run loading packages or running: package downloads report progress to it.
  #downloadingFor: string | undefined;
  #state: EngineState = 'waiting-for-init';
  #kernel: KernelProxy | undefined;
  // The run whose output is being produced. Kept after the run ends, so output
  // of a background task it started goes to that run, where the client drops it.
  #runId: string | undefined;
  #work: Promise<void> = Promise.resolve();
  // Shared memory from init (cross-origin isolated pages and Node).
  #interrupt: Int32Array | undefined;
  #input: Int32Array | undefined;
  // Without shared memory, the run paused with JSPI: in input() until an
  // input-reply comes, or in time.sleep until its timer (or an interrupt).
  #pendingInput: {id: string; resolve: (text: string | undefined) => void} | undefined;
  #pendingSleep: {id: string; wake: (interrupted: boolean) => void} | undefined;

  constructor(options: PyodideEngineOptions) {
    this.#post = options.post;
    this.#importLoadPyodide = options.importLoadPyodide;
    if (typeof globalThis.fetch === 'function') {
      installDownloadProgress(() => {
        const id = this.#downloadingFor;
        if (id === undefined) return undefined;
        return (pkg, loaded, total) => this.#post({type: 'download', id, package: pkg, loaded, total});
      });
    }
  }

  /**
   * An error nobody caught (an unhandled rejection in the worker). While
   * Pyodide loads, it is the load failing in a way loadPyodide never reports
   * (Emscripten aborts when pyodide.asm.wasm cannot be fetched, and the load
   * promise then never settles): fail the load instead of hanging.
   */
  uncaughtError(error: unknown): void {
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
    this.#fail('load-failed', loadFailureMessage(this.#indexURL, this.#packageBaseUrl, error));
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
    if (data.type === 'input-reply' || data.type === 'interrupt') {
      const input = this.#pendingInput;
      if (input?.id === data.id) {
        this.#pendingInput = undefined;
        input.resolve(data.type === 'input-reply' ? data.text : undefined);
      }
      const sleep = this.#pendingSleep;
      if (data.type === 'interrupt' && sleep?.id === data.id) sleep.wake(true);
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
    const rawIndexURL = message.indexURL;
    const indexURL = rawIndexURL.endsWith('/') ? rawIndexURL : `${rawIndexURL}/`;
    const packageBaseUrl =
      message.packageBaseUrl === undefined || message.packageBaseUrl.endsWith('/')
        ? message.packageBaseUrl
        : `${message.packageBaseUrl}/`;
    this.#lockLocation = `${packageBaseUrl ?? indexURL}pyodide-lock.json`;
    this.#indexURL = indexURL;
    this.#packageBaseUrl = packageBaseUrl;
    this.#packageIndexUrls = message.packageIndexUrls ?? [];
    const timings: StageTiming[] = [];
    let runtime: PyodideRuntime;
    try {
      runtime = await this.#stage('runtime', timings, async () => {
        const loadPyodide = await this.#importLoadPyodide(indexURL);
        return loadPyodide(packageBaseUrl === undefined ? {indexURL} : {indexURL, packageBaseUrl});
      });
      if (message.interruptBuffer !== undefined) {
        this.#interrupt = new Int32Array(message.interruptBuffer);
        runtime.setInterruptBuffer(this.#interrupt);
      }
      if (message.inputBuffer !== undefined) this.#input = new Int32Array(message.inputBuffer);
    } catch (error) {
      this.#fail('load-failed', loadFailureMessage(indexURL, packageBaseUrl, error));
      return;
    }
    let pythonVersion: string;
    try {
      const kernelModule = await this.#stage('kernel', timings, () => importKernelModule(runtime));
      pythonVersion = await this.#stage('globals', timings, () => {
        this.#wireStdio(runtime);
        this.#kernel = kernelModule.create_kernel(this.#hooks(), message.devicePixelRatio ?? 1);
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
    this.#post({type: 'ready', protocol: PROTOCOL_VERSION, pyodideVersion: runtime.version, pythonVersion, timings});
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
   * os.write). No stdin yet: input() gets EOF instead of blocking the worker.
   */
  #wireStdio(runtime: PyodideRuntime): void {
    runtime.setStdout({batched: (line) => this.#emitStream('stdout', `${line}\n`)});
    runtime.setStderr({batched: (line) => this.#emitStream('stderr', `${line}\n`)});
    runtime.setStdin({stdin: () => null});
  }

  #hooks(): KernelHooks {
    const interrupt = this.#interrupt;
    const input = this.#input;
    return {
      can_interrupt: interrupt !== undefined,
      sleep: (seconds) => {
        if (interrupt === undefined) return false;
        // The client's stop() stores 2 and notifies: the wait ends at once.
        const deadline = performance.now() + seconds * 1000;
        for (;;) {
          if (Atomics.load(interrupt, 0) === 2) {
            Atomics.store(interrupt, 0, 0);
            return true;
          }
          const left = deadline - performance.now();
          if (left <= 0) return false;
          Atomics.wait(interrupt, 0, 0, left);
        }
      },
      sleep_async: (seconds) => {
        const id = this.#runId;
        return new Promise<boolean>((resolve) => {
          const wake = (interrupted: boolean) => {
            clearTimeout(timer);
            if (this.#pendingSleep?.wake === wake) this.#pendingSleep = undefined;
            resolve(interrupted);
          };
          const timer = setTimeout(() => wake(false), seconds * 1000);
          if (id !== undefined) this.#pendingSleep = {id, wake};
        });
      },
      shared_input: input !== undefined,
      input_unavailable_reason: () => inputUnavailableReason(),
      request_input: (prompt) => {
        const id = this.#runId;
        if (id === undefined) return Promise.resolve(undefined);
        return new Promise<string | undefined>((resolve) => {
          this.#pendingInput = {id, resolve};
          this.#post({type: 'input-request', id, prompt});
        });
      },
      read_input: (prompt) => {
        const id = this.#runId;
        if (input === undefined || id === undefined) return undefined;
        Atomics.store(input, 0, 0);
        this.#post({type: 'input-request', id, prompt});
        while (Atomics.load(input, 0) === 0) Atomics.wait(input, 0, 0);
        if (Atomics.load(input, 0) !== 1) {
          // Stopped: the kernel raises KeyboardInterrupt itself, so the pending SIGINT is spent.
          if (interrupt !== undefined) Atomics.store(interrupt, 0, 0);
          return undefined;
        }
        const length = Atomics.load(input, 1);
        // TextDecoder refuses views of shared memory: copy first.
        const text = new TextDecoder().decode(new Uint8Array(input.buffer, 8, length).slice());
        Atomics.store(input, 0, 0);
        return text;
      },
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
      error: (ename, evalue, traceback) => {
        const id = this.#runId;
        if (id !== undefined) this.#post({type: 'error', id, error: {ename, evalue, traceback}});
      },
    };
  }

  #emitStream(name: 'stdout' | 'stderr', text: string): void {
    const id = this.#runId;
    if (id !== undefined) this.#post({type: 'stream', id, name, text});
  }

  async #run(kernel: KernelProxy, message: RunMessage): Promise<void> {
    this.#runId = message.id;
    if (!(await this.#loadPackages(kernel, message))) {
      this.#post({type: 'done', id: message.id, status: 'error'});
      return;
    }
    let status: 'ok' | 'error';
    // Packages the cell installs itself (micropip.install) report progress too.
    this.#downloadingFor = message.id;
    const running = kernel.run(message.code, message.session, message.cellId);
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
      this.#downloadingFor = undefined;
      running.destroy?.();
    }
    this.#post({type: 'done', id: message.id, status});
  }

  /** False (after an error event) when the packages the run needs could not be loaded. */
  async #loadPackages(kernel: KernelProxy, message: RunMessage): Promise<boolean> {
    const runtime = this.#runtime;
    if (runtime === undefined) return true;
    this.#downloadingFor = message.id;
    try {
      await loadRunPackages(runtime, kernel, message, {
        lockLocation: this.#lockLocation,
        indexUrls: this.#packageIndexUrls,
      });
      return true;
    } catch (error) {
      const ename = error instanceof PackageProblem ? error.ename : 'PackageLoadError';
      const evalue = errorText(error);
      this.#post({type: 'error', id: message.id, error: {ename, evalue, traceback: `${ename}: ${evalue}\n`}});
      return false;
    } finally {
      this.#downloadingFor = undefined;
    }
  }

  #fail(reason: FatalReason, message: string): void {
    if (this.#state === 'failed') return;
    this.#state = 'failed';
    this.#post({type: 'fatal', reason, message});
  }
}

function isOutputPayload(value: unknown): value is {data: Record<string, unknown>; metadata: Record<string, unknown>} {
  if (typeof value !== 'object' || value === null) return false;
  const {data, metadata} = value as Record<string, unknown>;
  return typeof data === 'object' && data !== null && typeof metadata === 'object' && metadata !== null;
}

function loadFailureMessage(indexURL: string, packageBaseUrl: string | undefined, error: unknown): string {
  const lock = packageBaseUrl === undefined ? '' : ` with the packages of ${packageBaseUrl}pyodide-lock.json`;
  return (
    `Could not load Pyodide from ${indexURL}${lock} (${errorText(error)}). ` +
    'Check the pyodideBaseUrl option (the indexURL given to the runtime): it must point at a folder that serves ' +
    'pyodide.mjs, pyodide.asm.wasm and python_stdlib.zip. If it does, check the network connection and retry.'
  );
}

/** Pyodide's own test: JSPI (new or old API) lets Python pause on a promise with run_sync. */
function hasJspi(): boolean {
  // Typed by hand: this file is also type-checked without the DOM/WebAssembly libs.
  const wasm = (globalThis as {WebAssembly?: object}).WebAssembly;
  return wasm !== undefined && ('Suspending' in wasm || 'Suspender' in wasm);
}

/** Why input() cannot ask the reader, without shared memory and with run_sync unavailable. */
function inputUnavailableReason(): string {
  if (hasJspi()) {
    return (
      'input() cannot wait for an answer here: it was called outside the code of a running cell (for example from a ' +
      'callback that JavaScript called), where Python cannot pause. Call input() in the cell itself, or set the ' +
      'variable in the code instead.'
    );
  }
  return (
    'input() is not available on this page: this browser cannot pause Python while it waits for an answer (it lacks ' +
    'WebAssembly JavaScript Promise Integration, JSPI, which current Chrome and Edge have), and the page is not ' +
    'cross-origin isolated, which would let it wait on shared memory instead (served with Cross-Origin-Opener-Policy: ' +
    'same-origin and Cross-Origin-Embedder-Policy: require-corp). Set the variable in the code instead, open the ' +
    'page in a browser with JSPI, or ask the site to enable cross-origin isolation.'
  );
}

/** Pyodide marks a trap in its own code (wasm RuntimeError) as fatal; the runtime cannot go on. */
function isFatalPyodideError(text: string): boolean {
  return /Pyodide has suffered a fatal error|memory access out of bounds|unreachable/.test(text);
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim();
}
