// The pause channel over messages + JSPI (pages that are not cross-origin
// isolated): the page posts `interrupt` and `input-reply`, which the worker
// handles at once; Python pauses in time.sleep and input() on a promise with
// JSPI (run_sync), so the worker keeps taking messages meanwhile. The worker
// says when the running cell pauses and resumes (`paused`): a cell busy
// computing never sees an interrupt, so Stop terminates its worker at once.

import type {PauseChannelInit, PausedMessage} from '../protocol.js';
import type {
  ClientPauseChannel,
  InterruptReach,
  KernelPauseHooks,
  PauseMessage,
  WorkerPauseChannel,
  WorkerPauseContext,
} from './PauseChannel.js';

export class MessageClientChannel implements ClientPauseChannel {
  readonly init: PauseChannelInit = {transport: 'messages'};
  readonly #send: (message: PauseMessage) => void;
  // The running cell as the worker last described it.
  #run: {id: string; paused: boolean; hasPaused: boolean} | undefined;

  constructor(send: (message: PauseMessage) => void) {
    this.#send = send;
  }

  beginRun(runId: string): void {
    // Interrupt messages carry their run's id: a late one cannot hit the next run.
    this.#run = {id: runId, paused: false, hasPaused: false};
  }

  interrupt(runId: string): void {
    this.#send({type: 'interrupt', id: runId});
  }

  reach(runId: string): InterruptReach {
    const run = this.#run;
    if (run?.id !== runId) return 'never';
    if (run.paused) return 'now';
    return run.hasPaused ? 'at-next-pause' : 'never';
  }

  interruptTaken(_runId: string): boolean {
    // The worker does not report it; a paused run ends at once anyway.
    return false;
  }

  observe(message: PausedMessage): void {
    const run = this.#run;
    if (run?.id !== message.id) return;
    run.paused = message.paused;
    if (message.paused) run.hasPaused = true;
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
  // An interrupt that came while its run was busy: raised at that run's next pause.
  #interruptAtNextPause: string | undefined;

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
      return;
    }
    if (message.type !== 'interrupt') return;
    if (this.#pendingSleep?.id === message.id) this.#pendingSleep.wake(true);
    else if (this.#context.currentRun() === message.id) this.#interruptAtNextPause = message.id;
  }

  /** True (and spent) when run `id` was interrupted while it was busy. */
  #takeInterrupt(id: string | undefined): boolean {
    if (id === undefined || this.#interruptAtNextPause !== id) return false;
    this.#interruptAtNextPause = undefined;
    return true;
  }

  #sleep(seconds: number): Promise<boolean> {
    const id = this.#context.currentRun();
    if (this.#takeInterrupt(id)) return Promise.resolve(true);
    this.#announce(id, true);
    return new Promise<boolean>((resolve) => {
      const wake = (interrupted: boolean) => {
        clearTimeout(timer);
        if (this.#pendingSleep?.wake === wake) this.#pendingSleep = undefined;
        this.#announce(id, false);
        resolve(interrupted);
      };
      const timer = setTimeout(() => wake(false), seconds * 1000);
      if (id !== undefined) this.#pendingSleep = {id, wake};
    });
  }

  #requestInput(prompt: string): Promise<string | undefined> {
    const id = this.#context.currentRun();
    if (id === undefined || this.#takeInterrupt(id)) return Promise.resolve(undefined);
    this.#announce(id, true);
    return new Promise<string | undefined>((resolve) => {
      this.#pendingInput = {
        id,
        resolve: (text) => {
          this.#announce(id, false);
          resolve(text);
        },
      };
      this.#context.post({type: 'input-request', id, prompt});
    });
  }

  /** Tell the client whether an interrupt message can reach the run now. */
  #announce(id: string | undefined, paused: boolean): void {
    if (id !== undefined) this.#context.post({type: 'paused', id, paused});
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
