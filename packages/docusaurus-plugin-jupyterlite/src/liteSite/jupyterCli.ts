import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {JupyterLitePluginError} from './PluginError.js';

const run = promisify(execFile);

/** What `pip install` gives a working `jupyter lite build` (with --contents). */
export const PIP_INSTALL = 'pip install jupyterlite-core==0.8.6 jupyterlite-pyodide-kernel==0.8.6 jupyter-server';

export interface JupyterCli {
  jupyter: string;
  /** The jupyterlite-core version (`jupyter lite --version`). */
  version: string;
}

export function resolveJupyterCommand(option: string | undefined): string {
  return option ?? process.env['PYODOCS_JUPYTER'] ?? 'jupyter';
}

/** Python next to the `jupyter` executable (same venv), else python3. */
export function resolvePython(option: string | undefined, jupyter: string): string {
  if (option) return option;
  if (path.isAbsolute(jupyter)) {
    for (const name of ['python', 'python3', 'python.exe']) {
      const candidate = path.join(path.dirname(jupyter), name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return process.platform === 'win32' ? 'python' : 'python3';
}

/** Checks that `jupyter lite` runs; the error says exactly what to install. */
export async function findJupyterLite(jupyter: string): Promise<JupyterCli> {
  try {
    const {stdout} = await run(jupyter, ['lite', '--version'], {timeout: 120_000});
    return {jupyter, version: stdout.trim().split(/\s+/).pop() ?? ''};
  } catch (error) {
    const err = error as NodeJS.ErrnoException & {stderr?: string};
    const why =
      err.code === 'ENOENT'
        ? `"${jupyter}" was not found`
        : `"${jupyter} lite --version" failed: ${(err.stderr ?? err.message).trim().split('\n').slice(-2).join(' ')}`;
    throw new JupyterLitePluginError(
      `The JupyterLite CLI is needed to build the JupyterLite site, but ${why}. Install it with:\n\n    ${PIP_INSTALL}\n\n` +
        `then make \`jupyter\` available on PATH, or set the plugin option "jupyter" (or the PYODOCS_JUPYTER environment variable) to its path. ` +
        `Or use a prebuilt site: "prebuilt: <folder>".`,
    );
  }
}

/** Runs a command, failing with its output. */
export async function runTool(command: string, args: string[], cwd: string, what: string): Promise<void> {
  try {
    await run(command, args, {cwd, timeout: 600_000, maxBuffer: 64 * 1024 * 1024});
  } catch (error) {
    const err = error as {stdout?: string; stderr?: string; message: string};
    const output = `${err.stdout ?? ''}\n${err.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new JupyterLitePluginError(`${what} failed: ${command} ${args.join(' ')}\n${output || err.message}`);
  }
}
