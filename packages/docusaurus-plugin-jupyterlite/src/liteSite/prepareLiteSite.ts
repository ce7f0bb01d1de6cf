import {createHash} from 'node:crypto';
import {execFile} from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import type {LiteBuildSource} from '../options.js';
import {checkLiteSite, liteApps} from './checkLiteSite.js';
import {findJupyterLite, PIP_INSTALL, resolvePython, runTool} from './jupyterCli.js';
import {JupyterLitePluginError} from './PluginError.js';
import {sharePyodide, type ShareResult, type SharedPyodide} from './sharePyodide.js';

export interface PrepareLiteSiteInput {
  siteDir: string;
  source: {prebuilt: string} | {build: LiteBuildSource};
  /** Absolute cache folder; prepared sites live in `site-<hash>` below it. */
  cacheDir: string;
  jupyter: string;
  python: string | undefined;
  /** Share this Pyodide with the kernel; undefined leaves the kernel alone. */
  pyodide: SharedPyodide | undefined;
  /** Anything else the prepared files depend on (plugin version, URLs). */
  cacheKeyExtra: unknown;
}

export interface PreparedLiteSite {
  /** Finished site, ready to copy to `<outDir>/<route>`. */
  dir: string;
  apps: string[];
  reused: boolean;
  share: ShareResult | undefined;
}

/**
 * Produces the JupyterLite site to publish, in the cache. Everything happens
 * in a temporary folder that is renamed into place when complete, so a
 * failed or interrupted build never leaves a half-made site; a site whose
 * inputs did not change is reused without running anything.
 */
export async function prepareLiteSite(input: PrepareLiteSiteInput): Promise<PreparedLiteSite> {
  const {siteDir, source, cacheDir} = input;
  const hash = createHash('sha256').update(JSON.stringify([input.pyodide, input.cacheKeyExtra]));
  let python = input.python;
  let build: (outDir: string, workDir: string) => Promise<void>;

  if ('prebuilt' in source) {
    const dir = path.resolve(siteDir, source.prebuilt);
    checkLiteSite(dir, `"${source.prebuilt}"`);
    hashTree(hash, dir, false);
    build = async (outDir) => cpSync(dir, outDir, {recursive: true});
  } else {
    const contents = source.build.contents.map((entry) => {
      const abs = path.resolve(siteDir, entry);
      if (!existsSync(abs)) {
        throw new JupyterLitePluginError(`The "build.contents" entry "${entry}" does not exist (${abs}).`);
      }
      return abs;
    });
    const cli = await findJupyterLite(input.jupyter);
    python ??= resolvePython(undefined, cli.jupyter);
    hash.update(JSON.stringify([cli, await kernelVersion(python), source.build.config ?? {}, source.build.apps]));
    for (const entry of contents) hashTree(hash, entry, true);
    build = async (outDir, workDir) => {
      // A fresh lite dir every time: doit's state db would otherwise skip the
      // step that writes litePluginSettings after the output was deleted.
      const liteDir = path.join(workDir, 'lite-dir');
      mkdirSync(liteDir, {recursive: true});
      const config = source.build.config ?? {};
      writeFileSync(
        path.join(liteDir, 'jupyter-lite.json'),
        JSON.stringify({'jupyter-lite-schema-version': 0, ...config}),
      );
      const args = [
        'lite',
        'build',
        '--lite-dir',
        liteDir,
        '--output-dir',
        outDir,
        '--no-sourcemaps',
        '--no-unused-shared-packages',
      ];
      for (const app of source.build.apps) args.push('--apps', app);
      for (const entry of contents) args.push('--contents', entry);
      try {
        await runTool(cli.jupyter, args, liteDir, '`jupyter lite build`');
      } catch (error) {
        const message = (error as Error).message;
        throw message.includes('jupyter-server is not installed')
          ? new JupyterLitePluginError(
              `"build.contents" needs jupyter-server. Install it with:\n\n    ${PIP_INSTALL}\n\n${message}`,
            )
          : error;
      }
      checkLiteSite(outDir, 'built by `jupyter lite build`');
    };
  }

  const key = hash.digest('hex').slice(0, 16);
  const finalDir = path.join(cacheDir, `site-${key}`);
  if (existsSync(finalDir)) {
    return {dir: finalDir, apps: liteApps(finalDir), reused: true, share: undefined};
  }
  const workDir = path.join(cacheDir, `work-${key}-${process.pid}`);
  rmSync(workDir, {recursive: true, force: true});
  mkdirSync(workDir, {recursive: true});
  try {
    const outDir = path.join(workDir, 'site');
    await build(outDir, workDir);
    exposeApp(outDir);
    const share = input.pyodide
      ? await sharePyodide(outDir, input.pyodide, python ?? resolvePython(undefined, input.jupyter), cacheDir)
      : undefined;
    renameSync(outDir, finalDir);
    removeStaleSites(cacheDir, finalDir);
    return {dir: finalDir, apps: liteApps(finalDir), reused: false, share};
  } finally {
    rmSync(workDir, {recursive: true, force: true});
  }
}

/**
 * `window.jupyterapp` in the lite pages, so an embed on the same origin can
 * switch the JupyterLab theme when the reader toggles the site's colour mode.
 */
function exposeApp(siteDir: string): void {
  const file = path.join(siteDir, 'jupyter-lite.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as {'jupyter-config-data': Record<string, unknown>};
  config['jupyter-config-data']['exposeAppInBrowser'] = true;
  writeFileSync(file, JSON.stringify(config, null, 2));
}

async function kernelVersion(python: string): Promise<string> {
  const code =
    "import importlib.metadata as m\nfor d in ('jupyterlite-core','jupyterlite-pyodide-kernel'):\n  try: print(d, m.version(d))\n  except Exception: print(d, None)";
  try {
    return (await promisify(execFile)(python, ['-c', code], {timeout: 60_000})).stdout;
  } catch {
    return '';
  }
}

/** Feeds a file tree into the hash: names and sizes/mtimes (prebuilt sites are big) or full contents. */
function hashTree(hash: ReturnType<typeof createHash>, root: string, contents: boolean): void {
  const stat = statSync(root);
  const files = stat.isDirectory()
    ? readdirSync(root, {recursive: true, encoding: 'utf8'})
        .sort()
        .map((rel) => path.join(root, rel))
    : [root];
  hash.update(root);
  for (const file of files) {
    const s = statSync(file);
    if (!s.isFile()) continue;
    hash.update(`${path.relative(root, file)}\0${s.size}\0`);
    hash.update(contents ? readFileSync(file) : String(s.mtimeMs));
  }
}

function removeStaleSites(cacheDir: string, keep: string): void {
  for (const name of readdirSync(cacheDir)) {
    const full = path.join(cacheDir, name);
    if (name.startsWith('site-') && full !== keep) rmSync(full, {recursive: true, force: true});
  }
}
