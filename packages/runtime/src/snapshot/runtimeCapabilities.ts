// What a Pyodide heap remembers of the JavaScript engine it started in.
//
// Pyodide's memory snapshot copies the whole wasm heap, and two values in it
// were decided at start-up by what the engine could do:
//
// - `pyodide.ffi.run_sync` is bound once (jsproxy_init) to the real function
//   where WebAssembly stack switching (JSPI) exists, else to one that raises
//   "WebAssembly stack switching not supported". time.sleep and input() on
//   pages without cross-origin isolation need the real one.
// - CPython's call trampoline (`_PyRuntime.emscripten_trampoline`) is a
//   function-table slot holding a small wasm module where the engine can
//   compile it (wasm GC), else 0: calls then go through JavaScript, and JSPI
//   cannot suspend across JavaScript frames ("trying to suspend JS frames").
//
// A snapshot made in Node (the build) and restored in a browser carries the
// build's values. So the build makes it with JSPI on (run_sync bound), the
// header records both values, and the restoring worker puts its own
// trampoline back (see fitRestoredHeap) and refuses a snapshot whose run_sync
// its engine would need but the snapshot lacks.

/** The part of Pyodide's Emscripten module (`pyodide._module`) these values live in. */
export interface PyodideHeapModule {
  HEAP32: Int32Array;
  wasmTable: {length: number; get(index: number): unknown};
  /** Address of CPython's `_PyRuntime`. */
  __PyRuntime: number;
  /** Address of the int holding the trampoline field's offset in `_PyRuntime`. */
  __PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET: number;
}

/** What the snapshot header records of the engine the heap started in. */
export interface HeapCapabilities {
  /** `pyodide.ffi.run_sync` is the real one (the heap started with JSPI). */
  runSync: boolean;
  /**
   * The function-table slot the trampoline takes: where the maker put it, or
   * where an engine that can compile it puts it (the first slot added to the
   * table, before the snapshot is restored).
   */
  trampolineSlot: number;
}

/** True where this JavaScript engine has WebAssembly stack switching (the standard API or the older one). */
export function engineHasJspi(): boolean {
  const wasm = (globalThis as {WebAssembly?: object}).WebAssembly;
  return wasm !== undefined && ('Suspending' in wasm || 'Suspender' in wasm);
}

function trampolineAddress(module: PyodideHeapModule): number {
  const offset = module.HEAP32[module.__PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET / 4] as number;
  return (module.__PyRuntime + offset) / 4;
}

/** Read at snapshot time, in the Pyodide about to be snapshotted. */
export function heapCapabilities(module: PyodideHeapModule, runSync: boolean): HeapCapabilities {
  const trampoline = module.HEAP32[trampolineAddress(module)] as number;
  return {runSync, trampolineSlot: trampoline !== 0 ? trampoline : module.wasmTable.length};
}

/** Python that prints whether `run_sync` is bound to the real function (it checks its argument first). */
export const RUN_SYNC_PROBE = `
def _pyodocs_run_sync_bound():
    from pyodide.ffi import run_sync
    try:
        run_sync(0)
    except TypeError:
        return True
    except RuntimeError:
        return False
    return False
_pyodocs_run_sync_bound()
`;

/**
 * Right after a restore, before any Python runs: the trampoline this engine
 * made before the heap was overwritten, or 0 (calls through JavaScript) when
 * it made none. The engine made one exactly when its table grew past the slot.
 */
export function fitRestoredHeap(module: PyodideHeapModule, capabilities: HeapCapabilities): void {
  const slot = capabilities.trampolineSlot;
  const made = module.wasmTable.length > slot && typeof module.wasmTable.get(slot) === 'function';
  module.HEAP32[trampolineAddress(module)] = made ? slot : 0;
}
