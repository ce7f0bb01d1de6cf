import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {KERNEL_EXTENSION_DIR} from './checkLiteSite.js';
import {downloadKernelWheels, writeKernelLock, type PyodideLock} from './kernelWheels.js';

export const KERNEL_PLUGIN_ID = '@jupyterlite/pyodide-kernel-extension:kernel';
/** Where the kernel's lock and wheels go inside the lite site. */
export const KERNEL_LOCK_DIR = 'static/pyodide-lock/';

export interface SharedPyodide {
  /** Version of the `pyodide` npm package the site ships. */
  version: string;
  /** Absolute folder of that package (its pyodide-lock.json). */
  dir: string;
  /** URL of pyodide.mjs as the browser sees it (absolute path with baseUrl, or a full URL). */
  url: string;
}

/** The Pyodide version the site's kernel expects (the default of its `pyodideUrl` setting). */
export function expectedKernelPyodide(siteDir: string): string | undefined {
  const schema = path.join(siteDir, KERNEL_EXTENSION_DIR, 'static/schema/kernel.v0.schema.json');
  if (!existsSync(schema)) return undefined;
  return /pyodide\/v(\d+\.\d+\.\d+[^/]*)\//.exec(readFileSync(schema, 'utf8'))?.[1];
}

export type ShareResult = {shared: true; kernelPyodide: string; packages: string[]} | {shared: false; reason: string};

/**
 * Points the site's Pyodide kernel at the Pyodide the docs site already ships
 * (same major version = same ABI), with a local lock for the kernel's own
 * wheels and PyPI fallback off: a reader downloads Python once and nothing
 * leaves the site. Otherwise leaves the site untouched and says why.
 */
export async function sharePyodide(
  siteDir: string,
  pyodide: SharedPyodide,
  python: string,
  cacheDir: string,
): Promise<ShareResult> {
  const kernelPyodide = expectedKernelPyodide(siteDir);
  if (!existsSync(path.join(siteDir, KERNEL_EXTENSION_DIR))) {
    return {shared: false, reason: 'the JupyterLite site has no Pyodide kernel (jupyterlite-pyodide-kernel)'};
  }
  if (!kernelPyodide) {
    return {shared: false, reason: "the Pyodide version the site's kernel expects could not be read"};
  }
  if (kernelPyodide.split('.')[0] !== pyodide.version.split('.')[0]) {
    return {
      shared: false,
      reason: `its Pyodide kernel expects Pyodide ${kernelPyodide} but the site ships ${pyodide.version} (different major version, so different ABI)`,
    };
  }
  const lock = JSON.parse(readFileSync(path.join(pyodide.dir, 'pyodide-lock.json'), 'utf8')) as PyodideLock;
  const wheelsDir = await downloadKernelWheels(lock, python, cacheDir);
  const packages = writeKernelLock(lock, wheelsDir, path.join(siteDir, KERNEL_LOCK_DIR));

  const configFile = path.join(siteDir, 'jupyter-lite.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as {'jupyter-config-data': Record<string, unknown>};
  const data = config['jupyter-config-data'];
  const allSettings = (data['litePluginSettings'] ?? {}) as Record<string, Record<string, unknown>>;
  const kernel = allSettings[KERNEL_PLUGIN_ID] ?? {};
  allSettings[KERNEL_PLUGIN_ID] = {
    ...kernel,
    // Resolved against the page URL (only "./" values are rewritten), so it must be absolute.
    pyodideUrl: pyodide.url,
    disablePyPIFallback: true,
    loadPyodideOptions: {
      ...(kernel['loadPyodideOptions'] as object | undefined),
      // Resolved against the lite site's base URL; packages load from the lock's folder.
      lockFileURL: `${KERNEL_LOCK_DIR}pyodide-lock.json`,
    },
  };
  data['litePluginSettings'] = allSettings;
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  return {shared: true, kernelPyodide, packages};
}
