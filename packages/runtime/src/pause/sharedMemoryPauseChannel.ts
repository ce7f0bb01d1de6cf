// The pause channel over shared memory + Atomics (cross-origin isolated
// pages, Node): the page writes into two SharedArrayBuffers and notifies;
// Python blocks the worker in Atomics.wait, and Pyodide itself checks the
// interrupt word as Python runs, so even busy code is interrupted.

import {INPUT_BUFFER_BYTES, type PauseChannelInit} from '../protocol.js';
import type {
  ClientPauseChannel,
  InterruptReach,
  KernelPauseHooks,
  PauseRuntime,
  WorkerPauseChannel,
  WorkerPauseContext,
} from './PauseChannel.js';
import {closeSignalCheckRace} from './raceFreeSignalBuffer.js';

type SharedMemoryInit = Extract<PauseChannelInit, {transport: 'shared-memory'}>;

/** Pyodide raises KeyboardInterrupt when its interrupt word holds SIGINT. */
const SIGINT = 2;
/** States of the input word (`Int32Array[0]` of the input buffer). */
const INPUT_WAITING = 0;
const INPUT_ANSWERED = 1;
const INPUT_STOPPED = 2;
/** Where the reply's UTF-8 bytes start: after the state and length words. */
const INPUT_HEADER_BYTES = 8;

export class SharedMemoryClientChannel implements ClientPauseChannel {
  readonly init: SharedMemoryInit;
  readonly #interrupt: Int32Array;
  readonly #input: Int32Array;
  // The run whose interrupt was written into the word, until the next run begins.
  #interruptedRun: string | undefined;

  constructor() {
    // Fresh per worker: an old worker's late writes cannot reach the new one.
    this.init = {
      transport: 'shared-memory',
      interruptBuffer: new SharedArrayBuffer(4),
      inputBuffer: new SharedArrayBuffer(INPUT_BUFFER_BYTES),
    };
    this.#interrupt = new Int32Array(this.init.interruptBuffer);
    this.#input = new Int32Array(this.init.inputBuffer);
  }

  beginRun(): void {
    // A stop() that came as the previous run ended must not hit this one.
    Atomics.store(this.#interrupt, 0, 0);
    this.#interruptedRun = undefined;
  }

  interrupt(runId: string): void {
    this.#interruptedRun = runId;
    // Pyodide raises KeyboardInterrupt at its next check; the kernel's sleep waits on this very word.
    Atomics.store(this.#interrupt, 0, SIGINT);
    Atomics.notify(this.#interrupt, 0);
    Atomics.store(this.#input, 0, INPUT_STOPPED);
    Atomics.notify(this.#input, 0);
  }

  reach(): InterruptReach {
    // Pyodide checks the interrupt word as Python runs (C code that never checks: the client's grace period).
    return 'now';
  }

  interruptTaken(runId: string): boolean {
    // Pyodide (or the kernel's sleep or input) clears the word when it raises KeyboardInterrupt.
    return this.#interruptedRun === runId && Atomics.load(this.#interrupt, 0) !== SIGINT;
  }

  observe(): void {
    // The worker's half of shared memory sends no `paused` messages.
  }

  answerInput(_runId: string, text: string): void {
    const bytes = new TextEncoder().encode(text).slice(0, INPUT_BUFFER_BYTES - INPUT_HEADER_BYTES);
    new Uint8Array(this.init.inputBuffer, INPUT_HEADER_BYTES, bytes.length).set(bytes);
    Atomics.store(this.#input, 1, bytes.length);
    Atomics.store(this.#input, 0, INPUT_ANSWERED);
    Atomics.notify(this.#input, 0);
  }
}

export class SharedMemoryWorkerChannel implements WorkerPauseChannel {
  readonly kernelHooks: KernelPauseHooks;
  readonly #interrupt: Int32Array;
  readonly #input: Int32Array;
  readonly #inputBuffer: SharedArrayBuffer;
  readonly #context: WorkerPauseContext;

  constructor(init: SharedMemoryInit, context: WorkerPauseContext) {
    this.#interrupt = new Int32Array(init.interruptBuffer);
    this.#input = new Int32Array(init.inputBuffer);
    this.#inputBuffer = init.inputBuffer;
    this.#context = context;
    this.kernelHooks = {
      returns_promises: false,
      sleep: (seconds) => this.#sleep(seconds),
      input: (prompt) => this.#readInput(prompt),
      unavailable_reason: () => 'input() is available with shared memory.',
    };
  }

  attach(runtime: PauseRuntime): void {
    runtime.setInterruptBuffer(this.#interrupt);
    closeSignalCheckRace(runtime._module, this.#interrupt);
  }

  receive(): void {
    // Interrupts and answers come through shared memory, not messages.
  }

  #sleep(seconds: number): boolean {
    const deadline = performance.now() + seconds * 1000;
    for (;;) {
      if (Atomics.load(this.#interrupt, 0) === SIGINT) {
        // The kernel raises KeyboardInterrupt itself: the pending SIGINT is spent.
        Atomics.store(this.#interrupt, 0, 0);
        return true;
      }
      const left = deadline - performance.now();
      if (left <= 0) return false;
      Atomics.wait(this.#interrupt, 0, 0, left);
    }
  }

  #readInput(prompt: string): string | undefined {
    const id = this.#context.currentRun();
    if (id === undefined) return undefined;
    Atomics.store(this.#input, 0, INPUT_WAITING);
    this.#context.post({type: 'input-request', id, prompt});
    while (Atomics.load(this.#input, 0) === INPUT_WAITING) Atomics.wait(this.#input, 0, INPUT_WAITING);
    if (Atomics.load(this.#input, 0) !== INPUT_ANSWERED) {
      // Stopped: the kernel raises KeyboardInterrupt itself, so the pending SIGINT is spent.
      Atomics.store(this.#interrupt, 0, 0);
      return undefined;
    }
    const length = Atomics.load(this.#input, 1);
    // TextDecoder refuses views of shared memory: copy first.
    const text = new TextDecoder().decode(new Uint8Array(this.#inputBuffer, INPUT_HEADER_BYTES, length).slice());
    Atomics.store(this.#input, 0, INPUT_WAITING);
    return text;
  }
}
