import type {
  ClientStatus,
  MimeBundle,
  PyodideClient,
  PyodideClientOptions,
  RunEvent,
  RunHandle,
  RunOutcome,
} from '@pyodocs/runtime';
import type {PythonError, RunRequest} from '@pyodocs/runtime';

/** The client's public surface; the fake is checked against it at compile time. */
type PublicPyodideClient = {[Member in keyof PyodideClient]: PyodideClient[Member]};

/** What a fake run does between `started` and its outcome: emit events, then end. */
export type FakeProgram = (
  request: RunRequest,
  emit: (event: RunEvent) => void,
) => Promise<{status: 'ok'} | {status: 'error'; error: PythonError} | {status: 'failed'; message: string}>;

interface Job {
  id: string;
  request: RunRequest;
  onEvent: ((event: RunEvent) => void) | undefined;
  resolve: (outcome: RunOutcome) => void;
  finished: boolean;
}

/**
 * An in-memory stand-in for `@pyodocs/runtime`'s `PyodideClient`, following
 * the contract: no worker until the first run, one run at a time in
 * submission order, `queued`/`started` events, stop cancels a queued run
 * ('stopped') or restarts a running one ('restarted'). The Python part is
 * whatever `program` says; `loadGate` holds the client in `loading`.
 */
export class FakePyodideClient implements PublicPyodideClient {
  static constructed = 0;

  readonly options: PyodideClientOptions;
  readonly stats = {workerStarts: 0, runsCompleted: 0, interruptsResent: 0};
  readonly requests: RunRequest[] = [];
  readonly stopCalls: string[] = [];
  readonly runIds: string[] = [];
  startCalls = 0;
  preloadCalls = 0;
  program: FakeProgram = async () => ({status: 'ok'});
  loadGate: Promise<void> = Promise.resolve();

  #status: ClientStatus = {state: 'idle'};
  #listeners = new Set<(status: ClientStatus) => void>();
  #queue: Job[] = [];
  #current: Job | null = null;
  #starting: Promise<void> | null = null;
  #nextId = 0;

  constructor(options: PyodideClientOptions) {
    this.options = options;
    FakePyodideClient.constructed += 1;
  }

  get status(): ClientStatus {
    return this.#status;
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  subscribe(listener: (status: ClientStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(): Promise<void> {
    this.startCalls += 1;
    return this.#boot();
  }

  #boot(): Promise<void> {
    this.#starting ??= (async () => {
      this.stats.workerStarts += 1;
      this.#setStatus({state: 'loading', stage: 'runtime', message: 'Loading Python runtime…'});
      await this.loadGate;
      this.#setStatus({state: 'ready', pyodideVersion: '314.0.7', pythonVersion: '3.14.0'});
    })();
    return this.#starting;
  }

  /** As the real client: starts the worker without a run (once), never throws. */
  preload(): void {
    this.preloadCalls += 1;
    void this.#boot();
  }

  run(request: RunRequest, onEvent?: (event: RunEvent) => void): RunHandle {
    const id = `run-${++this.#nextId}`;
    this.requests.push(request);
    this.runIds.push(id);
    let resolve!: (outcome: RunOutcome) => void;
    const done = new Promise<RunOutcome>((settle) => (resolve = settle));
    const job: Job = {id, request, onEvent, resolve, finished: false};
    this.#queue.push(job);
    onEvent?.({type: 'queued'});
    queueMicrotask(() => void this.#pump());
    return {id, done};
  }

  stop(runId: string): void {
    this.stopCalls.push(runId);
    const queued = this.#queue.findIndex((job) => job.id === runId);
    if (queued >= 0) {
      const [job] = this.#queue.splice(queued, 1);
      if (job) this.#finish(job, {status: 'cancelled', reason: 'stopped'});
      return;
    }
    if (this.#current?.id === runId) {
      // The real client terminates the worker here; every namespace is lost.
      const job = this.#current;
      this.#current = null;
      this.#starting = null;
      this.#setStatus({state: 'idle'});
      this.#finish(job, {status: 'cancelled', reason: 'restarted'});
      queueMicrotask(() => void this.#pump());
    }
  }

  readonly resetSessions: string[] = [];

  async resetSession(session: string): Promise<void> {
    this.resetSessions.push(session);
  }

  async restart(): Promise<void> {
    this.#starting = null;
    this.#setStatus({state: 'idle'});
  }

  dispose(): void {
    for (const job of this.#queue.splice(0)) this.#finish(job, {status: 'cancelled', reason: 'restarted'});
  }

  async #pump(): Promise<void> {
    if (this.#current) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#current = job;
    await this.start();
    if (this.#current !== job) return;
    const emit = (event: RunEvent) => {
      if (!job.finished) job.onEvent?.(event);
    };
    emit({type: 'started'});
    const outcome = await this.program(job.request, emit);
    if (this.#current !== job) return;
    this.#current = null;
    this.stats.runsCompleted += 1;
    this.#finish(job, outcome);
    // After the outcome's own callbacks, as the real client does: whoever
    // awaits a run sees it done before the next one starts.
    queueMicrotask(() => void this.#pump());
  }

  #finish(job: Job, outcome: RunOutcome): void {
    job.finished = true;
    job.resolve(outcome);
  }

  #setStatus(status: ClientStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}

/** Shorthand for a text/plain bundle. */
export function plainText(text: string): MimeBundle {
  return {'text/plain': text};
}

/** A promise with its resolver, for runs the test finishes by hand. */
export function deferred<T = void>(): {promise: Promise<T>; resolve: (value: T) => void} {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return {promise, resolve};
}
