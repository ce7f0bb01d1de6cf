import {ClientDisposedError, PyodocsError} from '../errors.js';
import {INPUT_BUFFER_BYTES} from '../protocol.js';
import type {PythonError, RunMessage, RunScopedMessage} from '../protocol.js';
import type {ClientStatus} from './ClientStatus.js';
import type {RunEvent, RunHandle, RunOutcome, RunRequest} from './RunEvents.js';
import {ConnectionClosedError, WorkerConnection} from './WorkerConnection.js';
import type {WorkerEndpoint} from './WorkerEndpoint.js';

export interface PyodideClientOptions {
  /** URL of @pyodocs/runtime's dist/worker.js (a self-contained ES module worker). */
  workerUrl: string | URL;
  /**
   * Base URL of the Pyodide files (pyodide.mjs, pyodide.asm.wasm,
   * python_stdlib.zip, pyodide-lock.json), ending in '/'.
   */
  indexURL: string;
  /**
   * Folder (ending in `/`) with a `pyodide-lock.json` and its wheels, e.g.
   * written by `pyodocs mirror`; packages load from there instead of the lock
   * file at `indexURL`.
   */
  packageBaseUrl?: string;
  /**
   * Indexes micropip may query for packages that are not in the lock file
   * (e.g. `https://pypi.org/simple/{package_name}/`). Default none: a page
   * loads packages only from the lock file.
   */
  packageIndexUrls?: string[];
  /** Default: `new Worker(workerUrl, {type: 'module'})`. Node passes a worker_threads endpoint. */
  createWorker?: () => WorkerEndpoint;
  /**
   * How long a new worker may stay silent before it counts as broken (its
   * first answer comes before Pyodide downloads, so this is not a load
   * timeout). Default 30 s.
   */
  handshakeTimeoutMs?: number;
  /**
   * Use shared memory (SharedArrayBuffer) so `stop()` interrupts the running
   * cell with KeyboardInterrupt (namespaces kept), `time.sleep` wakes up at
   * once, and `input()` works in any browser. Default: when the page is
   * cross-origin isolated (`crossOriginIsolated`). Node clients may always
   * use it. Without it, `input()` still works where the worker has JSPI.
   */
  sharedMemory?: boolean;
  /**
   * How long `stop()` waits for an interrupt to end the running cell before it
   * terminates the worker instead (C code that never checks; without shared
   * memory, any code that is not paused in `time.sleep` or `input()`).
   * Default 1000 ms.
   */
  interruptGraceMs?: number;
  /** Time limit (seconds) of runs that set no `timeoutSeconds` themselves; default 0: none. */
  timeoutSeconds?: number;
}

/** Counters for diagnostics and tests. */
export interface ClientStats {
  /** Workers created so far (each one loads Pyodide). */
  workerStarts: number;
  /** Runs that finished in the worker, with outcome `ok` or `error`. */
  runsCompleted: number;
}

interface RunTask {
  kind: 'run';
  id: string;
  message: RunMessage;
  onEvent: ((event: RunEvent) => void) | undefined;
  resolve: (outcome: RunOutcome) => void;
  /** The error event of this run, kept for its outcome. */
  error?: PythonError;
  /** Seconds of its time limit (0: none). */
  timeoutSeconds: number;
  /** Set when the time limit passed: the outcome says so. */
  timedOut?: boolean;
  /** Time-limit and interrupt-grace timers, cleared when the run ends. */
  timers: Array<ReturnType<typeof setTimeout>>;
  /** Without shared memory: the run waits in input() for an `input-reply` message. */
  awaitingInputReply?: boolean;
}

interface ResetTask {
  kind: 'reset';
  id: string;
  session: string;
  resolve: () => void;
}

type Task = RunTask | ResetTask;

const IDLE: ClientStatus = Object.freeze({state: 'idle'});

/**
 * Runs Python cells in a Pyodide worker: one worker per client, created on
 * first use; runs (and session resets) queued in order, one at a time, each
 * with exactly one outcome.
 */
export class PyodideClient {
  readonly #createWorker: () => WorkerEndpoint;
  readonly #indexURL: string;
  readonly #packageBaseUrl: string | undefined;
  readonly #packageIndexUrls: string[];
  readonly #workerUrl: string;
  readonly #handshakeTimeoutMs: number;
  readonly #sharedMemory: boolean;
  readonly #interruptGraceMs: number;
  readonly #defaultTimeoutSeconds: number;
  /** Shared memory of the current worker (undefined without isolation). */
  #interrupt: Int32Array | undefined;
  #input: Int32Array | undefined;
  readonly #listeners = new Set<(status: ClientStatus) => void>();
  readonly #queue: Task[] = [];
  #status: ClientStatus = IDLE;
  #connection: WorkerConnection | undefined;
  #connectionReady = false;
  #active: Task | undefined;
  #nextId = 1;
  #workerStarts = 0;
  #runsCompleted = 0;
  #disposed = false;

  constructor(options: PyodideClientOptions) {
    this.#indexURL = options.indexURL;
    this.#packageBaseUrl = options.packageBaseUrl;
    this.#packageIndexUrls = options.packageIndexUrls ?? [];
    this.#workerUrl = String(options.workerUrl);
    this.#handshakeTimeoutMs = options.handshakeTimeoutMs ?? 30_000;
    this.#createWorker = options.createWorker ?? (() => createModuleWorker(options.workerUrl));
    this.#sharedMemory = (options.sharedMemory ?? isCrossOriginIsolated()) && typeof SharedArrayBuffer === 'function';
    this.#interruptGraceMs = options.interruptGraceMs ?? 1000;
    this.#defaultTimeoutSeconds = options.timeoutSeconds ?? 0;
  }

  get status(): ClientStatus {
    return this.#status;
  }

  get stats(): ClientStats {
    return {workerStarts: this.#workerStarts, runsCompleted: this.#runsCompleted};
  }

  /** Call `listener` on every status change (not immediately); returns the unsubscribe function. */
  subscribe(listener: (status: ClientStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Create the worker and load Pyodide if not done yet (idempotent). Resolves
   * when ready; rejects with a `PyodocsError` (e.g. `PyodideLoadError`) when
   * the worker fails. A restart() while loading does not reject: the wait
   * continues on the fresh worker.
   */
  async start(): Promise<void> {
    for (;;) {
      if (this.#disposed) throw new ClientDisposedError('This PyodideClient was disposed.');
      const connection = this.#ensureConnection();
      try {
        await connection.ready;
        return;
      } catch (error) {
        if (!(error instanceof ConnectionClosedError)) throw error;
      }
    }
  }

  /** Queue `code`; `onEvent` gets `queued` before this returns, then everything the run produces. */
  run(request: RunRequest, onEvent?: (event: RunEvent) => void): RunHandle {
    const id = `run-${this.#nextId++}`;
    let resolve!: (outcome: RunOutcome) => void;
    const done = new Promise<RunOutcome>((r) => {
      resolve = r;
    });
    if (this.#disposed) {
      const error = new ClientDisposedError('This PyodideClient was disposed; create a new one to run code.');
      resolve({status: 'failed', message: error.message, error});
      return {id, done};
    }
    const message: RunMessage = {
      type: 'run',
      id,
      session: request.session,
      code: request.code,
      cellId: request.cellId ?? id,
      packages: request.packages ?? [],
    };
    const limit = request.timeoutSeconds ?? this.#defaultTimeoutSeconds;
    const timeoutSeconds = Number.isFinite(limit) && limit > 0 ? limit : 0;
    const task: RunTask = {kind: 'run', id, message, onEvent, resolve, timeoutSeconds, timers: []};
    this.#queue.push(task);
    emit(task, {type: 'queued'});
    this.#pump();
    return {id, done};
  }

  /**
   * A queued run is cancelled (`stopped`). The running one is interrupted
   * (KeyboardInterrupt in the cell: outcome `error`, namespaces kept): with
   * shared memory anywhere, without it where it is paused with JSPI (in
   * `time.sleep` or `input()`). If that does not end it within
   * `interruptGraceMs`, its worker is terminated (`restarted`; every
   * session is lost) and the runs queued after it continue on a fresh
   * worker. With `{session: true}`, the queued runs of the same session are
   * cancelled (`stopped`) too. Unknown or finished ids are ignored.
   */
  stop(runId: string, options: {session?: boolean} = {}): void {
    if (options.session) this.#cancelQueuedOfSession(runId);
    const index = this.#queue.findIndex((task) => task.kind === 'run' && task.id === runId);
    const queued = index >= 0 ? this.#queue.splice(index, 1)[0] : undefined;
    if (queued?.kind === 'run') {
      queued.resolve({status: 'cancelled', reason: 'stopped'});
      return;
    }
    if (this.#active?.kind === 'run' && this.#active.id === runId) this.#stopActive(this.#active);
  }

  /** `stop(id, {session: true})`: the queued runs of id's session go first (Jupyter-like: a stopped cell does not let its session run on). */
  #cancelQueuedOfSession(runId: string): void {
    const target = [this.#active, ...this.#queue].find((task) => task?.kind === 'run' && task.id === runId);
    if (target?.kind !== 'run') return;
    const session = target.message.session;
    for (let i = this.#queue.length - 1; i >= 0; i -= 1) {
      const task = this.#queue[i];
      if (task?.kind === 'run' && task.id !== runId && task.message.session === session) {
        this.#queue.splice(i, 1);
        clearTimers(task);
        task.resolve({status: 'cancelled', reason: 'stopped'});
      }
    }
  }

  #stopActive(task: RunTask): void {
    const interrupt = this.#interrupt;
    const connection = this.#connection;
    if (connection === undefined || !this.#connectionReady) {
      this.#terminateWorker();
      this.#pump();
      return;
    }
    if (interrupt === undefined) {
      // No shared memory: a run paused with JSPI (time.sleep, input()) gets the
      // message and raises KeyboardInterrupt; a busy one is terminated after the grace.
      task.awaitingInputReply = false;
      connection.send({type: 'interrupt', id: task.id});
      this.#terminateAfterGrace(task);
      return;
    }
    // SIGINT: Pyodide raises KeyboardInterrupt at the next check; the kernel's
    // sleep waits on this very word, so notify wakes it.
    Atomics.store(interrupt, 0, 2);
    Atomics.notify(interrupt, 0);
    if (this.#input !== undefined) {
      // A pending input() gives up too.
      Atomics.store(this.#input, 0, 2);
      Atomics.notify(this.#input, 0);
    }
    this.#terminateAfterGrace(task);
  }

  /** The fallback of an interrupt: a run still going after the grace period loses its worker. */
  #terminateAfterGrace(task: RunTask): void {
    task.timers.push(
      setTimeout(() => {
        if (this.#active !== task) return;
        this.#terminateWorker();
        this.#pump();
      }, this.#interruptGraceMs),
    );
  }

  /** Forget a session's namespace, after the runs queued before this call. */
  resetSession(session: string): Promise<void> {
    // Without a worker, or one on its way, there is no namespace to forget.
    if (this.#disposed || (this.#connection === undefined && this.#queue.length === 0)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.#queue.push({kind: 'reset', id: `reset-${this.#nextId++}`, session, resolve});
      this.#pump();
    });
  }

  /**
   * Terminate the worker: every session is lost, the running run ends
   * `cancelled`/`restarted`, queued runs continue on a fresh worker (started
   * at once if any are queued, else on the next run()).
   */
  async restart(): Promise<void> {
    if (this.#disposed) return;
    this.#terminateWorker();
    this.#pump();
  }

  /** Terminate the worker and cancel everything pending; the client runs nothing more. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const pending = this.#takePending();
    this.#connection?.close();
    this.#connection = undefined;
    this.#connectionReady = false;
    for (const task of pending) {
      if (task.kind === 'run') clearTimers(task);
      if (task.kind === 'run') task.resolve({status: 'cancelled', reason: 'stopped'});
      else task.resolve();
    }
    this.#setStatus(IDLE);
    this.#listeners.clear();
  }

  #pump(): void {
    if (this.#disposed || this.#active !== undefined || this.#queue.length === 0) return;
    const connection = this.#ensureConnection();
    // Not ready yet: the ready handler pumps again.
    if (!this.#connectionReady) return;
    const task = this.#queue.shift();
    if (task === undefined) return;
    this.#active = task;
    if (task.kind === 'run') {
      // A stale interrupt (a stop() that came as the previous run ended) must not hit this run.
      if (this.#interrupt !== undefined) Atomics.store(this.#interrupt, 0, 0);
      if (task.timeoutSeconds > 0) {
        task.timers.push(
          setTimeout(() => {
            if (this.#active !== task) return;
            task.timedOut = true;
            this.#stopActive(task);
          }, task.timeoutSeconds * 1000),
        );
      }
      emit(task, {type: 'started'});
      connection.send(task.message);
    } else {
      connection.send({type: 'reset-session', id: task.id, session: task.session});
    }
  }

  #ensureConnection(): WorkerConnection {
    if (this.#connection) return this.#connection;
    this.#workerStarts += 1;
    this.#connectionReady = false;
    // Fresh shared memory per worker: an old worker's late writes cannot reach the new one.
    const interruptBuffer = this.#sharedMemory ? new SharedArrayBuffer(4) : undefined;
    const inputBuffer = this.#sharedMemory ? new SharedArrayBuffer(INPUT_BUFFER_BYTES) : undefined;
    this.#interrupt = interruptBuffer === undefined ? undefined : new Int32Array(interruptBuffer);
    this.#input = inputBuffer === undefined ? undefined : new Int32Array(inputBuffer);
    const connection: WorkerConnection = new WorkerConnection({
      createWorker: this.#createWorker,
      indexURL: this.#indexURL,
      packageBaseUrl: this.#packageBaseUrl,
      packageIndexUrls: this.#packageIndexUrls,
      workerUrl: this.#workerUrl,
      handshakeTimeoutMs: this.#handshakeTimeoutMs,
      interruptBuffer,
      inputBuffer,
      onProgress: (stage, message) => {
        if (this.#connection === connection) this.#setStatus({state: 'loading', stage, message});
      },
      onRunMessage: (message) => {
        if (this.#connection === connection) this.#onRunMessage(message);
      },
      onFailure: (error) => {
        if (this.#connection === connection) this.#onFailure(error);
      },
    });
    this.#connection = connection;
    this.#setStatus({state: 'loading', stage: 'worker', message: 'Starting Python worker…'});
    connection.ready.then(
      (ready) => {
        if (this.#connection !== connection) return;
        this.#connectionReady = true;
        this.#setStatus({state: 'ready', pyodideVersion: ready.pyodideVersion, pythonVersion: ready.pythonVersion});
        this.#pump();
      },
      () => undefined, // onFailure handles failures; close() is on purpose.
    );
    connection.open();
    return connection;
  }

  #onRunMessage(message: RunScopedMessage): void {
    const task = this.#active;
    // Output of a run that already ended (a background task it started) has nowhere to go.
    if (task === undefined || task.id !== message.id) return;
    if (message.type === 'done') {
      this.#active = undefined;
      if (task.kind === 'run') {
        this.#runsCompleted += 1;
        clearTimers(task);
        if (task.timedOut)
          task.resolve({status: 'cancelled', reason: 'timeout', seconds: task.timeoutSeconds, restarted: false});
        else
          task.resolve(
            message.status === 'ok' ? {status: 'ok'} : {status: 'error', error: task.error ?? UNKNOWN_ERROR},
          );
      } else {
        task.resolve();
      }
      // After the outcome's own callbacks: whoever awaits a run sees it done before the next one starts.
      queueMicrotask(() => this.#pump());
      return;
    }
    if (task.kind !== 'run') return;
    switch (message.type) {
      case 'download':
        emit(task, {type: 'progress', package: message.package, loaded: message.loaded, total: message.total});
        return;
      case 'stream':
        emit(task, {type: 'stream', name: message.name, text: message.text});
        return;
      case 'display':
      case 'result':
        emit(task, {type: message.type, data: message.data, metadata: message.metadata});
        return;
      case 'error':
        task.error = message.error;
        emit(task, {type: 'error', error: message.error});
        return;
      case 'input-request':
        this.#requestInput(task, message.prompt);
        return;
    }
  }

  /**
   * Ask the run's listener for a line. The reply goes into the shared input
   * buffer the worker waits on, or without shared memory, into an
   * `input-reply` message (the worker paused the cell with JSPI).
   */
  #requestInput(task: RunTask, prompt: string): void {
    const input = this.#input;
    const connection = this.#connection;
    if (connection === undefined) return;
    let answered = false;
    const stillAsking = (): boolean => !answered && this.#active === task && this.#connection === connection;
    let reply: (text: string) => void;
    if (input !== undefined) {
      reply = (text) => {
        if (!stillAsking()) return;
        answered = true;
        const bytes = new TextEncoder().encode(text).slice(0, INPUT_BUFFER_BYTES - 8);
        new Uint8Array(input.buffer, 8, bytes.length).set(bytes);
        Atomics.store(input, 1, bytes.length);
        Atomics.store(input, 0, 1);
        Atomics.notify(input, 0);
      };
    } else {
      task.awaitingInputReply = true;
      reply = (text) => {
        if (!stillAsking() || !task.awaitingInputReply) return;
        answered = true;
        task.awaitingInputReply = false;
        connection.send({type: 'input-reply', id: task.id, text: String(text)});
      };
    }
    emit(task, {type: 'input', prompt, reply});
  }

  #onFailure(error: PyodocsError): void {
    this.#connection = undefined;
    this.#connectionReady = false;
    const pending = this.#takePending();
    this.#setStatus({state: 'crashed', message: error.message});
    for (const task of pending) {
      // A reset is done: the crash lost every namespace anyway.
      if (task.kind === 'run') clearTimers(task);
      if (task.kind === 'run') task.resolve({status: 'failed', message: error.message, error});
      else task.resolve();
    }
  }

  /** Close the worker on purpose; the active task ends, queued ones stay. */
  #terminateWorker(): void {
    const active = this.#active;
    this.#active = undefined;
    if (this.#connection) {
      this.#connection.close();
      this.#connection = undefined;
      this.#connectionReady = false;
      this.#setStatus(IDLE);
    }
    if (active?.kind === 'run') {
      clearTimers(active);
      active.resolve(
        active.timedOut
          ? {status: 'cancelled', reason: 'timeout', seconds: active.timeoutSeconds, restarted: true}
          : {status: 'cancelled', reason: 'restarted'},
      );
    } else active?.resolve();
  }

  #takePending(): Task[] {
    const pending = this.#active ? [this.#active, ...this.#queue] : [...this.#queue];
    this.#active = undefined;
    this.#queue.length = 0;
    return pending;
  }

  #setStatus(status: ClientStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    // Array.from, not [...set]: Docusaurus compiles workspace packages with
    // Babel's loose mode, where spreading a Set yields [theSet].
    for (const listener of Array.from(this.#listeners)) {
      try {
        listener(status);
      } catch (error) {
        rethrowLater(error);
      }
    }
  }
}

function clearTimers(task: RunTask): void {
  for (const timer of task.timers) clearTimeout(timer);
  task.timers.length = 0;
}

function isCrossOriginIsolated(): boolean {
  return (globalThis as {crossOriginIsolated?: boolean}).crossOriginIsolated === true;
}

const UNKNOWN_ERROR: PythonError = {
  ename: 'Error',
  evalue: 'The cell failed without reporting an exception.',
  traceback: 'The cell failed without reporting an exception.',
};

function emit(task: RunTask, event: RunEvent): void {
  try {
    task.onEvent?.(event);
  } catch (error) {
    rethrowLater(error);
  }
}

// A throwing listener is the caller's bug: report it without corrupting the queue.
function rethrowLater(error: unknown): void {
  setTimeout(() => {
    throw error;
  }, 0);
}

interface ModuleWorkerConstructor {
  new (url: string | URL, options: {type: 'module'; name?: string}): WorkerEndpoint;
}

function createModuleWorker(workerUrl: string | URL): WorkerEndpoint {
  // Looked up at call time: the client is constructed during SSR and in Node too.
  const WorkerClass = (globalThis as {Worker?: ModuleWorkerConstructor}).Worker;
  if (WorkerClass === undefined) {
    throw new PyodocsError(
      'This environment has no Web Worker. Pass createWorker, or in Node use createNodeClient() from @pyodocs/runtime/node.',
    );
  }
  // Pyodide 314+ only runs in module workers.
  return new WorkerClass(workerUrl, {type: 'module', name: 'pyodocs'});
}
