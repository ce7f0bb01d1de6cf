import {existsSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {JupyterLitePluginError} from './PluginError.js';

export const KERNEL_EXTENSION_DIR = 'extensions/@jupyterlite/pyodide-kernel-extension';

/**
 * Throws unless `dir` holds a built JupyterLite site: a `jupyter-lite.json`
 * with `jupyter-config-data`, `config-utils.js` and at least one app. These
 * are what every JupyterLite page loads first, so a folder without them can
 * only give readers a broken iframe.
 */
export function checkLiteSite(dir: string, described: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new JupyterLitePluginError(
      `The JupyterLite folder ${described} does not exist (${dir}). Build it with \`jupyter lite build --output-dir <folder>\`, or fix the "prebuilt" option.`,
    );
  }
  const missing: string[] = [];
  const configFile = path.join(dir, 'jupyter-lite.json');
  if (!existsSync(configFile)) {
    missing.push('jupyter-lite.json');
  } else if (!readFileSync(configFile, 'utf8').includes('"jupyter-config-data"')) {
    missing.push('"jupyter-config-data" in jupyter-lite.json');
  }
  if (!existsSync(path.join(dir, 'config-utils.js'))) missing.push('config-utils.js');
  const apps = ['lab', 'notebooks', 'repl', 'tree', 'edit', 'consoles'];
  if (!apps.some((app) => existsSync(path.join(dir, app, 'index.html')))) {
    missing.push(`an app folder (${apps.map((app) => `${app}/index.html`).join(', ')})`);
  }
  if (missing.length > 0) {
    throw new JupyterLitePluginError(
      `The folder ${described} (${dir}) is not a JupyterLite site: it has no ${missing.join(', no ')}. Point "prebuilt" at the output directory of \`jupyter lite build\` (default "_output").`,
    );
  }
}

/** The apps a site was built with (folders holding an index.html). */
export function liteApps(dir: string): string[] {
  return ['lab', 'notebooks', 'repl', 'tree', 'edit', 'consoles'].filter((app) =>
    existsSync(path.join(dir, app, 'index.html')),
  );
}
