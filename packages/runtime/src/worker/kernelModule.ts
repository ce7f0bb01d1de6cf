import {KERNEL_SOURCE} from '../python/kernelSource.js';
import type {PyodideRuntime} from './PyodideRuntime.js';

// The JavaScript view of src/python/pyodocs_kernel.py.

/** Callbacks the kernel calls while a cell runs (see the module docstring). */
export interface KernelHooks {
  stream(name: string, text: string): void;
  output(kind: string, payloadJson: string): void;
  error(ename: string, evalue: string, traceback: string): void;
}

/** A PyProxy of a Python coroutine: awaitable, and to be destroyed after use. */
export interface PyAwaitable<T> extends PromiseLike<T> {
  destroy?(): void;
}

/** PyProxy of `pyodocs_kernel.Kernel`. */
export interface KernelProxy {
  run(code: string, session: string, cellId: string): PyAwaitable<string>;
  reset_session(session: string): void;
}

/** PyProxy of the `pyodocs_kernel` module. */
export interface KernelModuleProxy {
  create_kernel(hooks: KernelHooks): KernelProxy;
  python_version(): string;
}

const KERNEL_DIR = '/lib/pyodocs';

/** Write the kernel into Pyodide's file system (so frames have a real file name) and import it. */
export function importKernelModule(runtime: PyodideRuntime): KernelModuleProxy {
  runtime.FS.mkdirTree(KERNEL_DIR);
  runtime.FS.writeFile(`${KERNEL_DIR}/pyodocs_kernel.py`, KERNEL_SOURCE);
  runtime.runPython(`import sys\nif ${JSON.stringify(KERNEL_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(KERNEL_DIR)})`);
  // The FFI hands back an untyped PyProxy; its shape is the Python module above.
  return runtime.pyimport('pyodocs_kernel') as KernelModuleProxy;
}
