// The pause channel over messages + JSPI (pages that are not cross-origin
// isolated): the page posts `interrupt` and `input-reply`, which the worker
// handles at once; Python pauses in time.sleep and input() on a promise with
// JSPI (run_sync), so the worker keeps taking messages meanwhile. A cell
// busy computing never sees an interrupt: the client's grace period ends it.

import type {PauseChannelInit} from '../protocol.js';
import type {
  ClientPauseChannel,
  KernelPauseHooks,
  PauseMessage,
  WorkerPauseChannel,
  WorkerPauseContext,
} from './PauseChannel.js';

export class MessageClientChannel implements ClientPauseChannel {
  readonly init: PauseChannelInit = {transport: 'messages'};
  readonly #send: (message: PauseMessage) => void;

  constructor(send: (message: PauseMessage) => void) {
    this.#send = send;
  }

  beginRun(): void {
    // Interrupt messages carry their run's id: a late one cannot hit the next run.
  }

  interrupt(runId: string): void {
    this.#send({type: 'interrupt', id: runId});
  }

  answerInput(runId: string, text: string): void {
    this.#send({type: 'input-reply', id: runId, text});
  }
}

export class MessageWorkerChannel implements WorkerPauseChannel {
  readonly kernelHooks: KernelPauseHooks;
  readonly #context: WorkerPauseContext;
  // The run paused with JSPI: in input() until an input-reply comes, or in time.sleep until its timer (or an interrupt).
  #pendingInput: {id: string; resolve: (text: string | undefined) => void} | undefined;
  #pendingSleep: {id: string; wake: (interrupted: boolean) => void} | undefined;

  constructor(context: WorkerPauseContext) {
    this.#context = context;
    this.kernelHooks = {
      returns_promises: true,
      sleep: (seconds) => this.#sleep(seconds),
      input: (prompt) => this.#requestInput(prompt),
      unavailable_reason: inputUnavailableReason,
    };
  }

  attach(): void {
    // Nothing to connect: Pyodide only checks shared memory for interrupts.
  }

  receive(message: PauseMessage): void {
    const input = this.#pendingInput;
    if (input?.id === message.id) {
      this.#pendingInput = undefined;
      input.resolve(message.type === 'input-reply' ? message.text : undefined);
    }
    if (message.type === 'interrupt' && this.#pendingSleep?.id === message.id) this.#pendingSleep.wake(true);
  }

  #sleep(seconds: number): Promise<boolean> {
    const id = this.#context.currentRun();
    return new Promise<boolean>((resolve) => {
      const wake = (interrupted: boolean) => {
        clearTimeout(timer);
        if (this.#pendingSleep?.wake === wake) this.#pendingSleep = undefined;
        resolve(interrupted);
      };
      const timer = setTimeout(() => wake(false), seconds * 1000);
      if (id !== undefined) this.#pendingSleep = {id, wake};
    });
  }

  #requestInput(prompt: string): Promise<string | undefined> {
    const id = this.#context.currentRun();
    if (id === undefined) return Promise.resolve(undefined);
    return new Promise<string | undefined>((resolve) => {
      this.#pendingInput = {id, resolve};
      this.#context.post({type: 'input-request', id, prompt});
    });
  }
}

/** Pyodide's own test: JSPI (new or old API) lets Python pause on a promise with run_sync. */
function hasJspi(): boolean {
  // Typed by hand: this file is also type-checked without the DOM/WebAssembly libs.
  const wasm = (globalThis as {WebAssembly?: object}).WebAssembly;
  return wasm !== undefined && ('Suspending' in wasm || 'Suspender' in wasm);
}

/** Why input() cannot ask the reader here: run_sync cannot pause Python. */
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
