import {KERNEL_FILES} from '../python/kernelSource.js';

/**
 * Top-level modules the worker itself provides (the pyodocs kernel and its
 * light `IPython` stand-in): an import of one of them loads no package, at
 * run time or when a build decides what to bundle.
 */
export const KERNEL_PROVIDED_MODULES: readonly string[] = Array.from(
  new Set(
    Object.keys(KERNEL_FILES).map((file) => {
      const parts = file.replace(/^shims\//, '').split('/');
      return (parts[0] ?? file).replace(/\.py$/, '');
    }),
  ),
).sort();
