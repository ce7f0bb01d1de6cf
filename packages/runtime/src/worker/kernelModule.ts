import {KERNEL_FILES} from '../python/kernelSource.js';
import type {KernelPauseHooks} from '../pause/PauseChannel.js';
import type {RunKind} from '../protocol.js';
import type {PyodideRuntime} from './PyodideRuntime.js';

// The JavaScript view of src/python/pyodocs_kernel.py.

/** Callbacks the kernel calls while a cell runs (see the module docstring). */
export interface KernelHooks {
  stream(name: string, text: string): void;
  output(kind: string, payloadJson: string): void;
  /** `details`: more than a reader needs at first (package errors), or undefined (Python None). */
  error(ename: string, evalue: string, traceback: string, details?: string): void;
  /** `%pip install`: load these requirements like a run's declared packages; JSON `{}` or `{ename, evalue, details?}`. */
  install_packages(specsJson: string): Promise<string>;
  /** time.sleep and input(): the worker's half of the pause channel (src/pause/). */
  pause: KernelPauseHooks;
}

/** A PyProxy of a Python coroutine: awaitable, and to be destroyed after use. */
export interface PyAwaitable<T> extends PromiseLike<T> {
  destroy?(): void;
}

/** PyProxy of `pyodocs_kernel.Kernel`. */
export interface KernelProxy {
  /** Run a cell (or, kind `doctest`, a doctest block); "ok" or "error" after its events were sent. */
  run(code: string, session: string, cellId: string, kind: RunKind): PyAwaitable<string>;
  reset_session(session: string): void;
  /** Before a run: JSON list of imports no lock package provides (their ModuleNotFoundError gets a note). */
  set_unavailable_modules(modulesJson: string, lockLocation: string): void;
  /** JSON list of the top-level modules the code (a doctest: its examples) imports that are not importable yet. */
  missing_imports(code: string, kind: RunKind): string;
  /** micropip.install(names) from the given index URLs (both JSON lists); "" or the error as one line. */
  install_from_index(namesJson: string, indexUrlsJson: string): PyAwaitable<string>;
}

/** PyProxy of the `pyodocs_kernel` module. */
export interface KernelModuleProxy {
  create_kernel(hooks: KernelHooks, devicePixelRatio: number): KernelProxy;
  /** After a memory snapshot was restored: the kernel created before it, fitted to this worker. */
  resume_kernel(devicePixelRatio: number): KernelProxy;
  python_version(): string;
}

const KERNEL_DIR = '/lib/pyodocs';
// Last on sys.path: a real IPython installed in site-packages wins over the shim.
const SHIM_DIR = `${KERNEL_DIR}/shims`;

/**
 * Write the kernel's files into Pyodide's file system (so frames have a real
 * file name, and modules imported later are found). The file system lives
 * outside the wasm heap: a restored snapshot needs them written again.
 */
function writeKernelFiles(runtime: PyodideRuntime): void {
  for (const [file, source] of Object.entries(KERNEL_FILES)) {
    const target = `${KERNEL_DIR}/${file}`;
    runtime.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    runtime.FS.writeFile(target, source);
  }
}

/** Write the kernel into Pyodide's file system and import it. */
export function importKernelModule(runtime: PyodideRuntime): KernelModuleProxy {
  writeKernelFiles(runtime);
  const [kernelDir, shimDir] = [JSON.stringify(KERNEL_DIR), JSON.stringify(SHIM_DIR)];
  runtime.runPython(
    `import sys\nif ${kernelDir} not in sys.path: sys.path.insert(0, ${kernelDir})\nif ${shimDir} not in sys.path: sys.path.append(${shimDir})`,
  );
  // The FFI hands back an untyped PyProxy; its shape is the Python module above.
  return runtime.pyimport('pyodocs_kernel') as KernelModuleProxy;
}

/**
 * The kernel module of a Pyodide restored from a memory snapshot: imported
 * before the snapshot was taken, so only its files need writing again.
 */
export function restoredKernelModule(runtime: PyodideRuntime): KernelModuleProxy {
  writeKernelFiles(runtime);
  return runtime.pyimport('pyodocs_kernel') as KernelModuleProxy;
}
