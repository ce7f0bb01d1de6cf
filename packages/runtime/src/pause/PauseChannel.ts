// One pause channel: how a running cell is interrupted, sleeps
// interruptibly, and waits in input() for the reader. The three share one
// problem (the worker must pause Python while the page can still reach it)
// and one choice of transport per worker:
//
//   shared memory + Atomics (cross-origin isolated pages, Node): the page
//     writes into SharedArrayBuffers; Python blocks the worker in
//     Atomics.wait and Pyodide checks the interrupt word as it runs;
//   JSPI + messages (any other page): the page posts messages; Python
//     pauses on a promise with JSPI (pyodide.ffi.run_sync), so the worker
//     keeps taking messages meanwhile.
//
// Each transport implements both halves below (client, worker); the client,
// the engine and the kernel use only these interfaces. Modelled on webR's
// channel classes (src/webR/chan/).

import type {SignalBufferModule} from './raceFreeSignalBuffer.js';
import type {
  ClientMessage,
  InputReplyMessage,
  InputRequestMessage,
  InterruptMessage,
  PauseChannelInit,
  PausedMessage,
} from '../protocol.js';

/**
 * How soon an interrupt reaches a run: `now` (shared memory: Pyodide checks
 * as Python runs; messages: the run is paused in time.sleep or input()),
 * `at-next-pause` (messages: the run is busy now but has paused before, so
 * it likely pauses again soon), `never` (messages: busy, never paused; only
 * terminating the worker stops it).
 */
export type InterruptReach = 'now' | 'at-next-pause' | 'never';

/** The page's half, owned by one worker connection. */
export interface ClientPauseChannel {
  /** What the worker needs to build its half; sent in `init`. */
  readonly init: PauseChannelInit;
  /** Run `runId` is about to start: an interrupt meant for an earlier run must not reach it. */
  beginRun(runId: string): void;
  /**
   * KeyboardInterrupt in run `runId`: at its next check with shared memory,
   * where it is paused (time.sleep, input()) with messages, else at its next
   * pause. A pending input() gives up.
   */
  interrupt(runId: string): void;
  /** Whether an interrupt can end run `runId`, and how soon. */
  reach(runId: string): InterruptReach;
  /**
   * Whether run `runId`'s worker has taken the interrupt sent to it (Python
   * raised KeyboardInterrupt and is unwinding), so a slow end is not a hung
   * worker. False where the transport cannot tell.
   */
  interruptTaken(runId: string): boolean;
  /** A `paused` message of the worker's half (message transport). */
  observe(message: PausedMessage): void;
  /** The reader's answer to run `runId`'s input(). */
  answerInput(runId: string, text: string): void;
}

/** The control messages a message transport sends; handled by the worker at once, never queued. */
export type PauseMessage = InputReplyMessage | InterruptMessage;

export function isPauseMessage(message: ClientMessage): message is PauseMessage {
  return message.type === 'input-reply' || message.type === 'interrupt';
}

/**
 * What the kernel calls (`hooks.pause` in pyodocs_kernel.py). A channel
 * either blocks (`returns_promises` false) or returns promises the kernel
 * awaits with `run_sync`, which only works on the stack of a running cell
 * with JSPI: elsewhere the kernel falls back without calling.
 */
export interface KernelPauseHooks {
  returns_promises: boolean;
  /** Sleep up to `seconds`; true when an interrupt came first. */
  sleep(seconds: number): boolean | Promise<boolean>;
  /** Ask the reader for a line; undefined (Python None, unlike null) when the run was stopped. */
  input(prompt: string): string | undefined | Promise<string | undefined>;
  /** Why input() cannot ask the reader where run_sync cannot pause (raised as InputUnavailableError). */
  unavailable_reason(): string;
}

/** What a pause channel connects to in the loaded Pyodide. */
export interface PauseRuntime {
  setInterruptBuffer(buffer: Int32Array): void;
  /** Pyodide's Emscripten module (semi-private), where its signal check finds the interrupt word. */
  readonly _module?: SignalBufferModule;
}

/** The worker's half, created from `init.pause`. */
export interface WorkerPauseChannel {
  /** Connect to the loaded Pyodide (shared memory: its interrupt buffer). */
  attach(runtime: PauseRuntime): void;
  /** A control message of the message transport (ignored by shared memory). */
  receive(message: PauseMessage): void;
  readonly kernelHooks: KernelPauseHooks;
}

/** What the worker's half needs from the engine. */
export interface WorkerPauseContext {
  /** Sends `input-request` (and, message transport, `paused`) to the client. */
  post(message: InputRequestMessage | PausedMessage): void;
  /** The run whose code is running (undefined between runs). */
  currentRun(): string | undefined;
}
