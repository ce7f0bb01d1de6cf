// CPython's Emscripten signal check (Python/emscripten_signal.c, in Pyodide
// 314.0.7 too) takes the interrupt word in two steps:
//
//   let result = Module.Py_EmscriptenSignalBuffer[0];
//   Module.Py_EmscriptenSignalBuffer[0] = 0;
//
// A SIGINT the page writes between the read and the write is overwritten
// with 0: Python never sees it, and the page sees the word cleared, as if it
// had been taken. On a tight `while True: pass` the check runs so often that
// about one Stop in twenty was lost that way (measured in Node).

/** What the check reads and writes: index 0 of whatever `Py_EmscriptenSignalBuffer` holds. */
export interface SignalBufferView {
  0: number;
}

/**
 * A stand-in for the interrupt word as the signal check sees it: a read
 * reads the word; the check's write of 0 clears only the value that read
 * saw (compare-and-exchange), so a SIGINT that came in between stays for the
 * next check. Every other reader and writer uses the word itself.
 */
export function raceFreeSignalBuffer(word: Int32Array): SignalBufferView {
  let seen = 0;
  return {
    get 0() {
      seen = Atomics.load(word, 0);
      return seen;
    },
    set 0(value: number) {
      if (value === 0) Atomics.compareExchange(word, 0, seen, 0);
      else Atomics.store(word, 0, value);
    },
  };
}

/** The part of Pyodide's Emscripten module the signal check reads the word from. */
export interface SignalBufferModule {
  Py_EmscriptenSignalBuffer?: unknown;
}

/**
 * After `pyodide.setInterruptBuffer(word)`: have the signal check read `word`
 * through `raceFreeSignalBuffer`. A Pyodide that keeps the word elsewhere
 * (another version) is left as it is: interrupts then work as before, with
 * the client's re-send covering a lost one.
 */
export function closeSignalCheckRace(module: SignalBufferModule | undefined, word: Int32Array): boolean {
  if (module?.Py_EmscriptenSignalBuffer !== word) return false;
  module.Py_EmscriptenSignalBuffer = raceFreeSignalBuffer(word);
  return true;
}
