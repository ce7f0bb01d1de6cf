import {PyodideLoadError, ProtocolMismatchError, PyodocsError, WorkerCrashedError} from '../errors.js';
import {PROTOCOL_VERSION, protocolMismatchMessage} from '../protocol.js';
import {createClientPauseChannel} from '../pause/createPauseChannel.js';
import type {ClientPauseChannel, PauseMessage} from '../pause/PauseChannel.js';
import type {
  FatalMessage,
  LoadStage,
  ReadyMessage,
  ResetSessionMessage,
  RunMessage,
  RunScopedMessage,
} from '../protocol.js';
import type {PackageSourceOptions} from '../packages/packageSources.js';
import {previewMessage} from '../previewMessage.js';
import {handshakeProtocol, isWorkerMessage} from '../protocolGuards.js';
import type {WorkerEndpoint} from './WorkerEndpoint.js';

/** `ready` of a connection that was closed on purpose (stop, restart, dispose). */
export class ConnectionClosedError extends PyodocsError {}

export interface WorkerConnectionOptions {
  createWorker: () => WorkerEndpoint;
  indexURL: string;
  packages: PackageSourceOptions | undefined;
  packagesHelpUrl: string | undefined;
  /** Pause this worker's Python through shared memory (else messages + JSPI); see src/pause/. */
  sharedMemory: boolean;
  /** Only for messages: names the worker script when it fails without a reason. */
  workerUrl: string;
  /** Fail when the worker has sent nothing this long after it was created (it does not speak the protocol). */
  handshakeTimeoutMs: number;
  /** The memory snapshot to restore Python from. */
  snapshotUrl: string | undefined;
  onProgress(stage: LoadStage, message: string): void;
  onRunMessage(message: RunScopedMessage): void;
  /** Called at most once, after the worker was terminated; never after close(). */
  onFailure(error: PyodocsError): void;
}

/**
 * One worker's life: create it, do the version handshake, check every
 * message it sends, and turn every way it can fail into one `onFailure`.
 */
export class WorkerConnection {
  /** Resolves when Pyodide is ready; rejects on failure or close(). */
  readonly ready: Promise<ReadyMessage>;
  /** Interrupts and input() answers for this worker's runs. */
  readonly pause: ClientPauseChannel;
  readonly #options: WorkerConnectionOptions;
  #endpoint: WorkerEndpoint | undefined;
  #closed = false;
  #isReady = false;
  #handshakeTimer: ReturnType<typeof setTimeout> | undefined;
  #resolveReady!: (ready: ReadyMessage) => void;
  #rejectReady!: (error: PyodocsError) => void;

  constructor(options: WorkerConnectionOptions) {
    this.#options = options;
    this.ready = new Promise<ReadyMessage>((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    // Failures reach onFailure; a rejection nobody awaits must not be reported as unhandled.
    this.ready.catch(() => undefined);
    this.pause = createClientPauseChannel(options.sharedMemory, (message) => this.send(message));
  }

  /** Create the worker and send `init`. Failures are reported asynchronously. */
  open(): void {
    try {
      const endpoint = this.#options.createWorker();
      this.#endpoint = endpoint;
      endpoint.addEventListener('message', (event) => this.#receive(event.data));
      endpoint.addEventListener('error', (event) => this.#fail(crashError(event.message, this.#options.workerUrl)));
      const {indexURL, packages, packagesHelpUrl, snapshotUrl} = this.#options;
      const devicePixelRatio = (globalThis as {devicePixelRatio?: number}).devicePixelRatio ?? 1;
      endpoint.postMessage({
        type: 'init',
        protocol: PROTOCOL_VERSION,
        indexURL,
        ...(packages === undefined ? {} : {packages}),
        ...(packagesHelpUrl === undefined ? {} : {packagesHelpUrl}),
        devicePixelRatio,
        pause: this.pause.init,
        ...(snapshotUrl === undefined ? {} : {snapshotUrl: absoluteUrl(snapshotUrl)}),
      });
      this.#startHandshakeTimer();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Asynchronous like every other failure, so callers never see it re-entrantly.
      queueMicrotask(() =>
        this.#fail(new WorkerCrashedError(`Could not start the Python worker: ${message}`, {cause: error})),
      );
    }
  }

  send(message: RunMessage | ResetSessionMessage | PauseMessage): void {
    if (this.#closed || !this.#endpoint) return;
    try {
      this.#endpoint.postMessage(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.#fail(new WorkerCrashedError(`Could not send a message to the Python worker: ${text}`, {cause: error}));
    }
  }

  /** Terminate the worker on purpose; no onFailure. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#terminate();
    this.#rejectReady(new ConnectionClosedError('The Python worker was stopped before it was ready.'));
  }

  // The worker answers `init` with a progress message at once, so silence
  // means a wrong file or a broken worker, not a slow download of Pyodide.
  #startHandshakeTimer(): void {
    const {handshakeTimeoutMs, workerUrl} = this.#options;
    this.#handshakeTimer = setTimeout(() => {
      this.#fail(
        new WorkerCrashedError(
          `The Python worker did not answer within ${handshakeTimeoutMs / 1000} s. ` +
            `Check that ${workerUrl} is @pyodocs/runtime's dist/worker.js, served as a JavaScript module.`,
        ),
      );
    }, handshakeTimeoutMs);
    // In Node, a pending handshake must not keep the process alive by itself.
    (this.#handshakeTimer as {unref?: () => void}).unref?.();
  }

  #stopHandshakeTimer(): void {
    if (this.#handshakeTimer !== undefined) clearTimeout(this.#handshakeTimer);
    this.#handshakeTimer = undefined;
  }

  #receive(data: unknown): void {
    if (this.#closed) return;
    this.#stopHandshakeTimer();
    const workerProtocol = handshakeProtocol(data, 'ready');
    if (workerProtocol !== undefined && workerProtocol !== PROTOCOL_VERSION) {
      this.#fail(
        new ProtocolMismatchError(
          protocolMismatchMessage(PROTOCOL_VERSION, workerProtocol),
          PROTOCOL_VERSION,
          workerProtocol,
        ),
      );
      return;
    }
    if (!isWorkerMessage(data)) {
      this.#fail(
        new WorkerCrashedError(
          `The Python worker sent a message this page does not understand: ${previewMessage(data)}`,
        ),
      );
      return;
    }
    switch (data.type) {
      case 'ready':
        if (!this.#isReady) {
          this.#isReady = true;
          this.#resolveReady(data);
        }
        return;
      case 'progress':
        this.#options.onProgress(data.stage, data.message);
        return;
      case 'fatal':
        this.#fail(fatalError(data));
        return;
      case 'paused':
        this.pause.observe(data);
        return;
      default:
        this.#options.onRunMessage(data);
    }
  }

  #fail(error: PyodocsError): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#terminate();
    this.#rejectReady(error);
    this.#options.onFailure(error);
  }

  #terminate(): void {
    this.#stopHandshakeTimer();
    try {
      this.#endpoint?.terminate();
    } catch {
      // Already gone: nothing left to stop.
    }
  }
}

/** Relative to the page, not to the worker script (which the worker would resolve it against). */
function absoluteUrl(url: string): string {
  const here = (globalThis as {location?: {href: string}}).location?.href;
  return here === undefined ? url : new URL(url, here).href;
}

function crashError(reason: string | undefined, workerUrl: string): WorkerCrashedError {
  // A module worker whose script cannot be fetched or parsed fires a bare
  // error event without a message; say what to check instead.
  return new WorkerCrashedError(
    reason
      ? `The Python worker crashed: ${reason}`
      : `The Python worker stopped unexpectedly. If it never started, check that ${workerUrl} is served as a JavaScript module.`,
  );
}

function fatalError(message: FatalMessage): PyodocsError {
  switch (message.reason) {
    case 'protocol-mismatch':
      return new ProtocolMismatchError(message.message, PROTOCOL_VERSION, undefined);
    case 'load-failed':
      return new PyodideLoadError(message.message);
    default:
      return new WorkerCrashedError(message.message);
  }
}
