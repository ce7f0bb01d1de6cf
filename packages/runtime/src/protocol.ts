import type {PackageSourceOptions} from './packages/packageSources.js';

/**
 * The message protocol between a `PyodideClient` (page) and the Pyodide
 * worker (`dist/worker.js`, or the Node worker thread). Declared once, here.
 *
 * Every message is a plain, structured-cloneable object discriminated by
 * `type`. Messages about a run or a session reset carry the `id` the client
 * chose, so replies pair with requests.
 *
 * Version handshake: the client's first message is `init`; the worker answers
 * `ready` (or `fatal`). Both carry `protocol`, and each side refuses the other
 * when it differs from its own `PROTOCOL_VERSION`. The shapes of `init`,
 * `ready` and `fatal` must therefore stay readable across versions: never
 * rename `type`, `protocol` or `message`.
 */

/** Bump on any incompatible change to the messages below. */
export const PROTOCOL_VERSION = 5;

// ---------------------------------------------------------------------------
// Payloads shared with the client API

/**
 * Output in several representations keyed by MIME type, like Jupyter's
 * `display_data`, e.g. `{'text/plain': '45'}`. Values are strings for text
 * types and base64 strings for binary ones; JSON types hold JSON values.
 */
export type MimeBundle = Record<string, unknown>;

/** A Python exception raised by a cell. */
export interface PythonError {
  /** Exception class name, e.g. `NameError`. */
  ename: string;
  /** `str()` of the exception, e.g. `name 'x' is not defined`. */
  evalue: string;
  /**
   * The formatted traceback as Python prints it, trimmed to the cell's own
   * frames (no worker or Pyodide frames); a SyntaxError shows file, line and
   * caret. Ends with the `ename: evalue` line.
   */
  traceback: string;
  /**
   * More than a reader needs at first, shown behind a toggle: e.g. for a
   * package that could not be loaded, the full URLs and what each answered.
   */
  details?: string;
}

/** How a run's code is run: as a notebook cell, or as a doctest block (see `DoctestReport`). */
export type RunKind = 'cell' | 'doctest';

/** MIME type of the one display output of a doctest run. */
export const DOCTEST_MIME = 'application/vnd.pyodocs.doctest+json';

/** One example of a doctest run, as CPython's DocTestRunner judged it. */
export interface DoctestExampleResult {
  /** 0-based line of the example's `>>>` in the block. */
  lineno: number;
  /** The example's source, without prompts. */
  source: string;
  /** The output the block documents. */
  want: string;
  /** What the example printed (for an exception: the traceback header and its last line). */
  got: string;
  /** `skipped`: `+SKIP`, or not run because the block stopped first. */
  status: 'match' | 'mismatch' | 'skipped';
}

/** The `DOCTEST_MIME` output of a doctest run. */
export interface DoctestReport {
  /** Every example of the block, in order. */
  examples: DoctestExampleResult[];
  /** Examples run, as DocTestRunner counts them. */
  attempted: number;
  /** Examples that did not match. */
  failed: number;
  /**
   * Index in `examples` of the example that was running when the block was
   * stopped (or raised KeyboardInterrupt); it and the ones after it did not
   * run. Unset when the block ran to its end.
   */
  stoppedAt?: number;
}

/** The output streams a cell writes to. */
export type StreamName = 'stdout' | 'stderr';

/** Start-up stages of the worker, in order. */
export type LoadStage = 'runtime' | 'kernel' | 'globals';

/** How long one start-up stage took. */
export interface StageTiming {
  /** Which stage. */
  stage: LoadStage;
  /** Duration in milliseconds. */
  ms: number;
}

// ---------------------------------------------------------------------------
// Client -> worker

/** First message on a fresh worker: load Pyodide. Sent exactly once. */
export interface InitMessage {
  type: 'init';
  /** The client's `PROTOCOL_VERSION`; the worker refuses any other. */
  protocol: number;
  /**
   * Base URL (ending in `/`) of the Pyodide distribution: `pyodide.mjs`,
   * `pyodide.asm.wasm`, `python_stdlib.zip`, `pyodide-lock.json`. In Node, a
   * directory path.
   */
  indexURL: string;
  /** Where packages come from; defaults as documented on `PackageSourceOptions`. */
  packages?: PackageSourceOptions;
  /** The site's page about packages, which package errors end with (`See <url>`; a path is from the site's origin). Default: none. */
  packagesHelpUrl?: string;
  /** The page's `devicePixelRatio`: figures are rendered at this scale. Default 1. */
  devicePixelRatio?: number;
  /** How the page interrupts and answers the running cell (see `PauseChannelInit`). Default: messages. */
  pause?: PauseChannelInit;
  /**
   * A pyodocs memory snapshot to restore instead of booting Python (see
   * `PyodideClientConfig.snapshotUrl`). One that does not fit this worker's
   * Pyodide and kernel, or fails to load, is skipped with a console warning.
   */
  snapshotUrl?: string;
}

/**
 * The transport of the pause channel (src/pause/): how `stop()` interrupts
 * the running cell, how `time.sleep` waits interruptibly, and how `input()`
 * gets the reader's answer.
 */
export type PauseChannelInit =
  /**
   * Shared memory (the page is cross-origin isolated, or Node). Python
   * blocks the worker in `Atomics.wait`; the client writes and notifies.
   */
  | {
      transport: 'shared-memory';
      /**
       * 4 bytes: Pyodide's interrupt buffer. The client writes 2 (SIGINT)
       * into `Int32Array[0]` to raise KeyboardInterrupt in the running cell;
       * the kernel's `time.sleep` waits on this word, so it wakes at once.
       */
      interruptBuffer: SharedArrayBuffer;
      /**
       * `INPUT_BUFFER_BYTES` for `input()`: the worker posts `input-request`
       * and waits on `Int32Array[0]` until the client writes the reply (UTF-8
       * length in `Int32Array[1]`, bytes from 8) and sets `[0]` to 1 (or 2:
       * stopped).
       */
      inputBuffer: SharedArrayBuffer;
    }
  /**
   * Messages (`interrupt`, `input-reply`), which the worker handles at once.
   * Python pauses in `time.sleep` and `input()` on a promise with JSPI
   * (`pyodide.ffi.run_sync`); where it cannot (no JSPI, or called from a
   * JavaScript callback), `time.sleep` blocks and `input()` raises
   * InputUnavailableError saying why. A busy cell never sees an interrupt.
   */
  | {transport: 'messages'};

/** Size of the shared-memory `inputBuffer`: an 8-byte header and up to 64 KiB of UTF-8 reply. */
export const INPUT_BUFFER_BYTES = 8 + 65536;

/** Run one cell. The worker runs cells one at a time, in arrival order. */
export interface RunMessage {
  type: 'run';
  /** Client-chosen id, echoed by every event of this run and by its `done`. */
  id: string;
  /** Name of the namespace to run in; created on first use. */
  session: string;
  /** Python source of the cell. */
  code: string;
  /** Cell id, shown in tracebacks as the file name `<cell CELL_ID>` (a doctest's examples: `<doctest CELL_ID[N]>`). */
  cellId: string;
  /**
   * `cell`: `code` runs like a notebook cell. `doctest`: `code` is a doctest
   * block exactly as documented; the kernel runs it with CPython's
   * DocTestRunner in the session's namespace, loads the packages its
   * examples import, and displays one `DOCTEST_MIME` bundle (a
   * `DoctestReport`).
   */
  kind: RunKind;
  /**
   * Packages to load before the cell runs, besides those its imports need
   * (detected from the code): names in the lock file, names micropip may
   * fetch from `packages.indexUrls`, or URLs of wheels (`/wheels/x-1.0-py3-none-any.whl`).
   */
  packages: string[];
}

/**
 * The reader's answer to an `input-request` (message transport): the worker
 * paused the running cell with JSPI (`pyodide.ffi.run_sync`) and handles
 * this message at once, ahead of the queued ones. A reply for a run that is
 * not waiting is ignored.
 */
export interface InputReplyMessage {
  type: 'input-reply';
  /** The id of the run that asked. */
  id: string;
  text: string;
}

/**
 * Stop (message transport): KeyboardInterrupt in run `id` where it is
 * paused with JSPI (in `time.sleep` or waiting for `input()`), namespaces
 * kept. Handled at once, ahead of the queued messages; for a run that is
 * not paused, kept until its next pause. A run that is busy computing never
 * sees it in time (its worker is blocked): the client terminates that
 * worker (see `PausedMessage`). Ignored for other ids.
 */
export interface InterruptMessage {
  type: 'interrupt';
  /** The run to interrupt. */
  id: string;
}

/** Forget a session's namespace. Answered by `done` with the same id. */
export interface ResetSessionMessage {
  type: 'reset-session';
  /** Client-chosen id, echoed by the `done` reply. */
  id: string;
  /** The session to forget; unknown sessions are fine. */
  session: string;
}

/** Everything a client may send to the worker. */
export type ClientMessage = InitMessage | RunMessage | ResetSessionMessage | InputReplyMessage | InterruptMessage;

// ---------------------------------------------------------------------------
// Worker -> client

/** Pyodide is loaded and the kernel is ready for runs. Reply to `init`. */
export interface ReadyMessage {
  type: 'ready';
  /** The worker's `PROTOCOL_VERSION`; the client refuses any other. */
  protocol: number;
  /** Version of the loaded Pyodide, e.g. `314.0.7`. */
  pyodideVersion: string;
  /** Version of its Python, e.g. `3.14.2`. */
  pythonVersion: string;
  /** Duration of each start-up stage, in order. */
  timings: StageTiming[];
  /** `snapshot`: restored from the memory snapshot; `fresh`: booted (no snapshot, or it was not used). */
  boot: BootKind;
  /** Why the snapshot given in `init` was not used (also written to the console). */
  snapshotError?: string;
}

/** How a worker's Python started: restored from a memory snapshot, or booted. */
export type BootKind = 'snapshot' | 'fresh';

/** A start-up stage began. */
export interface ProgressMessage {
  type: 'progress';
  /** The stage that began. */
  stage: LoadStage;
  /** What the reader is waiting for, in English, e.g. `Loading Python runtime…`. */
  message: string;
}

/**
 * Bytes of a package file received for a run (its declared or imported
 * packages before it runs, or a `micropip.install` while it runs).
 * Sent at the start of a download, every ~64 KiB, and when it completes.
 */
export interface DownloadMessage {
  type: 'download';
  /** The run that needs the package. */
  id: string;
  /** Package name (from the wheel's file name, e.g. `python_dateutil`). */
  package: string;
  /** Bytes received so far. */
  loaded: number;
  /** Size in bytes (Content-Length), or null when the server did not say. */
  total: number | null;
}

/** Text a run wrote to stdout or stderr, sent as it is written (line by line). */
export interface StreamMessage {
  type: 'stream';
  /** The run that wrote it. */
  id: string;
  /** Which stream. */
  name: StreamName;
  /** The text, usually one or more complete lines. */
  text: string;
}

/** An object a run showed with `display()`. */
export interface DisplayMessage {
  type: 'display';
  /** The run that showed it. */
  id: string;
  /** The object's representations. */
  data: MimeBundle;
  /** Per-MIME-type metadata (e.g. image size); usually empty. */
  metadata: Record<string, unknown>;
}

/** The value of a run's final expression. Not sent for None or a trailing `;`. */
export interface ResultMessage {
  type: 'result';
  /** The run it belongs to. */
  id: string;
  /** The value's representations. */
  data: MimeBundle;
  /** Per-MIME-type metadata; usually empty. */
  metadata: Record<string, unknown>;
}

/** The exception that ended a run (including SyntaxError and SystemExit). */
export interface ErrorMessage {
  type: 'error';
  /** The run that raised it. */
  id: string;
  /** The exception. */
  error: PythonError;
}

/** A run or a session reset finished; always the last message for its id. */
export interface DoneMessage {
  type: 'done';
  /** The id of the `run` or `reset-session` request. */
  id: string;
  /** `error` when the run raised (its `error` message came first). */
  status: 'ok' | 'error';
}

/** Why the worker gave up. */
export type FatalReason =
  /** `init.protocol` differs from the worker's version. */
  | 'protocol-mismatch'
  /** Pyodide or the kernel could not be loaded (bad indexURL, offline, ...). */
  | 'load-failed'
  /** The worker received something that is not a `ClientMessage`. */
  | 'bad-message'
  /** A bug in the worker itself. */
  | 'internal';

/** The worker cannot go on; the client should discard it. */
export interface FatalMessage {
  type: 'fatal';
  /** A sentence for the reader saying what failed and what to check. */
  message: string;
  /** Machine-readable cause. */
  reason: FatalReason;
}

/** A running cell called `input()`: the client asks the reader and answers through the pause channel (the shared `inputBuffer`, or an `input-reply`). */
export interface InputRequestMessage {
  type: 'input-request';
  /** The run that asks. */
  id: string;
  /** The prompt passed to `input()` (may be empty). */
  prompt: string;
}

/**
 * Message transport only: run `id` paused where an `interrupt` message
 * reaches it at once (`paused: true`: waiting in `time.sleep` or `input()`
 * with JSPI), or runs on (`false`). A run that is not paused is busy in
 * code that no message can reach: the client's Stop then terminates the
 * worker at once instead of waiting for an interrupt that cannot land.
 */
export interface PausedMessage {
  type: 'paused';
  /** The run. */
  id: string;
  paused: boolean;
}

/** Everything the worker may send to a client. */
export type WorkerMessage =
  | ReadyMessage
  | InputRequestMessage
  | PausedMessage
  | ProgressMessage
  | DownloadMessage
  | StreamMessage
  | DisplayMessage
  | ResultMessage
  | ErrorMessage
  | DoneMessage
  | FatalMessage;

/** Worker messages that belong to one run or reset (they carry its `id`); `paused` goes to the pause channel instead. */
export type RunScopedMessage = Exclude<Extract<WorkerMessage, {id: string}>, PausedMessage>;

/** The sentence both sides use when they refuse a protocol version. */
export function protocolMismatchMessage(clientProtocol: number, workerProtocol: number): string {
  return (
    `pyodocs protocol mismatch: the page's client speaks protocol ${clientProtocol} but the worker speaks protocol ${workerProtocol}. ` +
    'Serve dist/worker.js from the same @pyodocs/runtime version as the page (a stale cached worker.js causes this too).'
  );
}
