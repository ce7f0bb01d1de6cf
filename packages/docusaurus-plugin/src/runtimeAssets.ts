import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {siteHasCells} from './manifest/SiteManifest.js';
import type {SiteManifestConsumer} from './manifest/SiteManifestPlugin.js';

/**
 * The files of the `pyodide` npm package a browser needs to start Python.
 * The package also holds docs, maps and a Node-only classic build that the
 * site does not need.
 */
export const PYODIDE_RUNTIME_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const;

/** Where the files the browser needs come from, and where the site serves them. */
export interface RuntimeAssets {
  pyodideVersion: string;
  /** Absolute folder of the installed `pyodide` npm package. */
  pyodideDir: string;
  /** Absolute path of @pyodocs/runtime's bundled module worker. */
  workerFile: string;
  /** Site-relative folder for the Pyodide files, versioned so they can be cached forever. */
  pyodidePublicDir: string;
  /** Site-relative path of the worker, named by content hash for the same reason. */
  workerPublicPath: string;
}

export function resolveRuntimeAssets(): RuntimeAssets {
  // pyodide is a dependency of @pyodocs/runtime, not of this package: resolve
  // it from there so the version always matches the runtime that loads it.
  const require = createRequire(import.meta.url);
  const runtimePackageJson = require.resolve('@pyodocs/runtime/package.json');
  const fromRuntime = createRequire(runtimePackageJson);
  const pyodidePackageJson = fromRuntime.resolve('pyodide/package.json');
  const pyodideVersion = (JSON.parse(readFileSync(pyodidePackageJson, 'utf8')) as {version: string}).version;
  const workerFile = path.join(path.dirname(runtimePackageJson), 'dist', 'worker.js');
  let workerSource: Buffer;
  try {
    workerSource = readFileSync(workerFile);
  } catch {
    throw new Error(
      `[pyodocs] The runtime worker ${workerFile} is missing. @pyodocs/runtime looks unbuilt or broken: reinstall it (or run "pnpm build" in the pyodocs repo).`,
    );
  }
  const workerHash = createHash('sha256').update(workerSource).digest('hex').slice(0, 10);
  return {
    pyodideVersion,
    pyodideDir: path.dirname(pyodidePackageJson),
    workerFile,
    pyodidePublicDir: `pyodide/${pyodideVersion}/`,
    workerPublicPath: `pyodocs/worker.${workerHash}.js`,
  };
}

/**
 * Emits the worker and (unless the site loads Pyodide from elsewhere) the
 * Pyodide runtime files — only when the site needs Python: a page has a cell
 * or doctest, or a sibling plugin said it serves Pyodide from these files.
 * A site without cells gets none of the 13.7 MB.
 */
export function runtimeAssetsConsumer(
  assets: RuntimeAssets,
  options: {selfHostPyodide: boolean; requiredBy: ReadonlySet<string>},
): SiteManifestConsumer {
  const files = new Map<string, Buffer>();
  const read = (name: string, from: string): Buffer => {
    let content = files.get(name);
    if (content === undefined) {
      content = readFileSync(from);
      files.set(name, content);
    }
    return content;
  };
  return (site, output) => {
    if (!siteHasCells(site) && options.requiredBy.size === 0) return;
    output.emit(assets.workerPublicPath, read(assets.workerPublicPath, assets.workerFile));
    if (!options.selfHostPyodide) return;
    for (const file of PYODIDE_RUNTIME_FILES) {
      const name = `${assets.pyodidePublicDir}${file}`;
      output.emit(name, read(name, path.join(assets.pyodideDir, file)));
    }
  };
}
