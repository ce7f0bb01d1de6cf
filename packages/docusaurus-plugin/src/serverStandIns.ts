import path from 'node:path';
import type {Compiler} from 'webpack';
import {realPackageFolder} from './precompiledPackages.js';

/**
 * Webpack plugin for the server compilation: the given module files compile
 * to a stand-in instead (browserOnlyModules.ts, serverOutputRenderers.ts).
 * Matched by resolved path, so a module is replaced however it is imported.
 */
export class ServerStandInPlugin {
  readonly #files: readonly string[];
  readonly #standIn: string;

  constructor(files: readonly string[], standIn: string) {
    this.#files = files;
    this.#standIn = standIn;
  }

  apply(compiler: Compiler): void {
    const escaped = this.#files.map((file) => file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    new compiler.webpack.NormalModuleReplacementPlugin(new RegExp(`^(?:${escaped.join('|')})$`), this.#standIn).apply(
      compiler,
    );
  }
}

/** Files of `@pyodocs/react`'s build where webpack resolves them (real paths, as for a linked workspace package). */
export function reactLibFiles(files: readonly string[]): string[] {
  const lib = path.join(realPackageFolder('@pyodocs/react'), 'lib');
  return files.map((file) => path.join(lib, ...file.split('/')));
}
