import {describe, expect, test} from 'vitest';
import {closeSignalCheckRace, raceFreeSignalBuffer, type SignalBufferView} from '../src/pause/raceFreeSignalBuffer.js';

const SIGINT = 2;

// The two steps of CPython's Emscripten signal check, with the page's write in between.
function checkWithWriteBetween(buffer: SignalBufferView | Int32Array, word: Int32Array): number {
  const taken = buffer[0] ?? 0;
  Atomics.store(word, 0, SIGINT);
  buffer[0] = 0;
  return taken;
}

describe('the signal check through raceFreeSignalBuffer', () => {
  test('a SIGINT written between its read and its write stays for the next check', () => {
    const word = new Int32Array(new SharedArrayBuffer(4));
    const buffer = raceFreeSignalBuffer(word);
    expect(checkWithWriteBetween(buffer, word)).toBe(0);
    expect(Atomics.load(word, 0)).toBe(SIGINT);
    // The next check takes it and clears it.
    expect(buffer[0]).toBe(SIGINT);
    buffer[0] = 0;
    expect(Atomics.load(word, 0)).toBe(0);
  });

  test('the plain word (what Pyodide holds without it) loses that SIGINT', () => {
    const word = new Int32Array(new SharedArrayBuffer(4));
    expect(checkWithWriteBetween(word, word)).toBe(0);
    expect(Atomics.load(word, 0)).toBe(0);
  });

  test('is put in place only where the module holds the very word', () => {
    const word = new Int32Array(new SharedArrayBuffer(4));
    const module: {Py_EmscriptenSignalBuffer?: unknown} = {Py_EmscriptenSignalBuffer: word};
    expect(closeSignalCheckRace(module, word)).toBe(true);
    expect(module.Py_EmscriptenSignalBuffer).not.toBe(word);
    const other = {Py_EmscriptenSignalBuffer: new Int32Array(new SharedArrayBuffer(4))};
    expect(closeSignalCheckRace(other, word)).toBe(false);
    expect(closeSignalCheckRace(undefined, word)).toBe(false);
  });
});
