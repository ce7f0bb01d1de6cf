import {ClientDisposedError, PyodocsError} from '../errors.js';
import type {PythonError, RunMessage, RunScopedMessage} from '../protocol.js';
import type {PackageSourceOptions} from '../packages/packageSources.js';
import type {ClientStatus} from './ClientStatus.js';
import type {PyodideClientOptions} from './PyodideClientConfig.js';
import type {RunEvent, RunHandle, RunOutcome, RunRequest} from './RunEvents.js';
import {ConnectionClosedError, WorkerConnection} from './WorkerConnection.js';
import type {WorkerEndpoint} from './WorkerEndpoint.js';

/** Counters for diagnostics and tests. */
export interface ClientStats {
  /** Workers created so far (each one loads Pyodide). */
  workerStarts: number;
  /** Runs that finished in the worker, with outcome `ok` or `error`. */
  runsCompleted: number;
  /** Interrupts Stop sent again because Python had taken one and the run went on. */
  interruptsResent: number;
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
  /** Python took one of Stop's interrupts (re-sending one makes the channel say "not taken" until it is). */
  tookInterrupt?: boolean;
  /** The input() request the run waits on, until answered or stopped. */
  inputRequest?: {open: boolean};
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
 * Without shared memory: how long Stop waits for a run that is busy now but
 * paused before (a loop around time.sleep) to pause again and take the
 * interrupt, before terminating its worker. Issue 13: "stopped" within 400 ms.
 */
export const QUICK_STOP_GRACE_MS = 250;

/**
 * A run whose Python took the interrupt (Pyodide cleared the shared word)
 * but has not ended when the grace period does gets this much longer before
 * its worker is terminated: a loaded machine can take more than the grace
 * period to unwind (finally blocks, the traceback).
 */
export const TAKEN_INTERRUPT_GRACE_MS = 4000;

/**
 * How often, after an interrupt Python took (shared memory), a run that has
 * not ended is interrupted again: a safety net for an interrupt taken from
 * the word without a KeyboardInterrupt reaching the code (CPython's signal
 * check could overwrite one, about one Stop in twenty on a tight loop,
 * until raceFreeSignalBuffer closed that gap; a Pyodide where that cannot
 * be applied still has it). A cell's own cleanup normally ends well within
 * this.
 */
export const LOST_INTERRUPT_CHECK_MS = 300;

/**
 * Runs Python cells in a Pyodide worker: one worker per client, created on
 * first use; runs (and session resets) queued in order, one at a time, each
 * with exactly one outcome.
 */
export class PyodideClient {
  readonly #createWorker: () => WorkerEndpoint;
  readonly #indexURL: string;
  readonly #packages: PackageSourceOptions | undefined;
  readonly #packagesHelpUrl: string | undefined;
  readonly #snapshotUrl: string | undefined;
  readonly #workerUrl: string;
  readonly #handshakeTimeoutMs: number;
  readonly #sharedMemory: boolean;
  readonly #interruptGraceMs: number;
  readonly #defaultTimeoutSeconds: number;
  readonly #listeners = new Set<(status: ClientStatus) => void>();
  readonly #queue: Task[] = [];
  #status: ClientStatus = IDLE;
  #connection: WorkerConnection | undefined;
  #connectionReady = false;
  #active: Task | undefined;
  #nextId = 1;
  #workerStarts = 0;
  #runsCompleted = 0;
  #interruptsResent = 0;
  #disposed = false;

  constructor(options: PyodideClientOptions) {
    this.#indexURL = options.indexURL;
    this.#packages = options.packages;
    this.#packagesHelpUrl = options.packagesHelpUrl;
    this.#snapshotUrl = options.snapshotUrl;
    this.#workerUrl = String(options.workerUrl);
    this.#handshakeTimeoutMs = options.handshakeTimeoutMs ?? 30_000;
    this.#createWorker = options.createWorker ?? (() => createModuleWorker(options.workerUrl));
    this.#sharedMemory = options.sharedMemory ?? isCrossOriginIsolated();
    this.#interruptGraceMs = options.interruptGraceMs ?? 1000;
    this.#defaultTimeoutSeconds = options.timeoutSeconds ?? 0;
  }

  get status(): ClientStatus {
    return this.#status;
  }

  get stats(): ClientStats {
    return {
      workerStarts: this.#workerStarts,
      runsCompleted: this.#runsCompleted,
      interruptsResent: this.#interruptsResent,
    };
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
      kind: request.kind ?? 'cell',
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
   * `interruptGraceMs` (plus `TAKEN_INTERRUPT_GRACE_MS` where Python took
   * it; a run still going after it took it is interrupted again every
   * `LOST_INTERRUPT_CHECK_MS`), its worker is terminated (`restarted`; every
   * session is lost) and the runs queued after it continue on a fresh
   * worker. Without shared memory, a run busy computing cannot be
   * interrupted at all: its worker is terminated at once (a run that
   * paused before gets `QUICK_STOP_GRACE_MS` to pause again and take the
   * interrupt). A terminated worker's replacement starts in the background.
   * With `{session: true}`, the queued runs of the same session are
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
    const connection = this.#connection;
    const reach = connection !== undefined && this.#connectionReady ? connection.pause.reach(task.id) : 'never';
    if (connection === undefined || reach === 'never') {
      // Nothing can reach the run: waiting would only freeze the cell (issue 13).
      this.#terminateWorker({replace: true});
      this.#pump();
      return;
    }
    // An answer typed after Stop goes nowhere.
    if (task.inputRequest) task.inputRequest.open = false;
    connection.pause.interrupt(task.id);
    this.#interruptAgainIfLost(task);
    this.#terminateAfterGrace(
      task,
      reach === 'now' ? this.#interruptGraceMs : Math.min(QUICK_STOP_GRACE_MS, this.#interruptGraceMs),
    );
  }

  /**
   * Shared memory: while Python has taken the interrupt but the run is still
   * going, interrupt it again every `LOST_INTERRUPT_CHECK_MS` (see there:
   * an interrupt can be lost; one re-send was lost too once in CI). Like a
   * second Ctrl+C, it also cuts short a cleanup that takes longer than
   * that. The run's end clears the timer.
   */
  #interruptAgainIfLost(task: RunTask): void {
    task.timers.push(
      setTimeout(() => {
        const connection = this.#connection;
        if (this.#active !== task || connection === undefined) return;
        if (connection.pause.interruptTaken(task.id)) {
          task.tookInterrupt = true;
          this.#interruptsResent += 1;
          connection.pause.interrupt(task.id);
        }
        this.#interruptAgainIfLost(task);
      }, LOST_INTERRUPT_CHECK_MS),
    );
  }

  /**
   * The fallback of an interrupt: a run still going after the grace period
   * loses its worker, unless its Python took the interrupt (then it gets
   * `TAKEN_INTERRUPT_GRACE_MS` more, once).
   */
  #terminateAfterGrace(task: RunTask, graceMs: number, extended = false): void {
    task.timers.push(
      setTimeout(() => {
        if (this.#active !== task) return;
        const connection = this.#connection;
        const taken = task.tookInterrupt === true || (connection?.pause.interruptTaken(task.id) ?? false);
        if (!extended && taken && connection !== undefined) {
          this.#terminateAfterGrace(task, TAKEN_INTERRUPT_GRACE_MS, true);
          return;
        }
        // Whoever looks at the console learns which of the two it was.
        console.warn(
          `[pyodocs] Stop: run ${task.id} did not end after the interrupt (${
            taken ? 'Python took it but did not finish unwinding' : 'Python never took it'
          }); restarting Python.`,
        );
        this.#terminateWorker({replace: true});
        this.#pump();
      }, graceMs),
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
   * `cancelled`/`restarted`, queued runs continue on a fresh worker, which
   * starts at once (with no worker yet, nothing starts).
   */
  async restart(): Promise<void> {
    if (this.#disposed) return;
    this.#terminateWorker({replace: true});
    this.#pump();
  }

  /**
   * Start the worker and load Python now, without a run: for a page that
   * expects one soon (the reader hovered a cell). Also starts fetching the
   * memory snapshot (`snapshotUrl`). Does nothing when a worker exists or
   * is starting, or after dispose(); never throws (a failure shows as
   * status `crashed`, and the next run starts a fresh worker).
   */
  preload(): void {
    if (this.#disposed || this.#connection !== undefined) return;
    this.#ensureConnection();
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
      connection.pause.beginRun(task.id);
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
    const connection: WorkerConnection = new WorkerConnection({
      createWorker: this.#createWorker,
      indexURL: this.#indexURL,
      packages: this.#packages,
      packagesHelpUrl: this.#packagesHelpUrl,
      snapshotUrl: this.#snapshotUrl,
      workerUrl: this.#workerUrl,
      handshakeTimeoutMs: this.#handshakeTimeoutMs,
      sharedMemory: this.#sharedMemory,
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
        this.#setStatus({
          state: 'ready',
          pyodideVersion: ready.pyodideVersion,
          pythonVersion: ready.pythonVersion,
          boot: ready.boot,
          ...(ready.snapshotError === undefined ? {} : {snapshotError: ready.snapshotError}),
        });
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

  /** Ask the run's listener for a line; the answer goes back through the worker's pause channel. */
  #requestInput(task: RunTask, prompt: string): void {
    const connection = this.#connection;
    if (connection === undefined) return;
    const request = {open: true};
    task.inputRequest = request;
    const reply = (text: string): void => {
      if (!request.open || this.#active !== task || this.#connection !== connection) return;
      request.open = false;
      connection.pause.answerInput(task.id, String(text));
    };
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

  /**
   * Close the worker on purpose; the active task ends, queued ones stay.
   * `replace`: a worker that was there is replaced at once, in the
   * background (from the snapshot when there is one), so the next run does
   * not wait for Python to load.
   */
  #terminateWorker(options: {replace: boolean}): void {
    const active = this.#active;
    this.#active = undefined;
    if (this.#connection) {
      this.#connection.close();
      this.#connection = undefined;
      this.#connectionReady = false;
      this.#setStatus(IDLE);
      if (options.replace && !this.#disposed) this.#ensureConnection();
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
