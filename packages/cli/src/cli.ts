import path from 'node:path';
import {parseArgs} from 'node:util';
import {CHECK_USAGE, checkCommand} from './check/checkCommand.js';
import {DEFAULT_CACHE_DIR, MirrorError, mirrorPackages} from './mirror.js';

const MIRROR_USAGE = `Usage: pyodocs mirror <package...> --out <folder> [--index-url URL] [--pyodide-url URL|none] [--cache-dir DIR]

Writes the packages, their dependencies, micropip and packaging into <folder>
(wheels + pyodide-lock.json) for the pinned Pyodide. Point the site's package
lock file and base URL at the folder's URL.

  --out          folder to write (e.g. static/pyodide-packages)
  --index-url    PyPI or a mirror of its JSON API (default https://pypi.org)
  --pyodide-url  Pyodide distribution for packages of its lock file
                 (default: jsDelivr for the pinned version; "none": PyPI only)
  --cache-dir    downloads kept across runs (default ${DEFAULT_CACHE_DIR})`;

const USAGE = `${CHECK_USAGE}\n\n${MIRROR_USAGE}`;

/** Runs the command line; returns the exit code. Relative paths are relative to `cwd`. */
export async function main(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
  cwd: string = process.cwd(),
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command === undefined ? 1 : 0;
  }
  if (command === 'check') return checkCommand(rest, {out, err, cwd});
  if (command !== 'mirror') {
    err(`Unknown command '${command}'.\n\n${USAGE}`);
    return 1;
  }
  let values: {out?: string; 'index-url'?: string; 'pyodide-url'?: string; 'cache-dir'?: string};
  let positionals: string[];
  try {
    ({values, positionals} = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: {type: 'string'},
        'index-url': {type: 'string'},
        'pyodide-url': {type: 'string'},
        'cache-dir': {type: 'string'},
      },
    }));
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${MIRROR_USAGE}`);
    return 1;
  }
  if (values.out === undefined || positionals.length === 0) {
    err(`pyodocs mirror needs at least one package and --out <folder>.\n\n${MIRROR_USAGE}`);
    return 1;
  }
  const pyodideUrl = values['pyodide-url'];
  try {
    const result = await mirrorPackages({
      packages: positionals,
      outDir: path.resolve(cwd, values.out),
      ...(values['index-url'] === undefined ? {} : {indexUrl: values['index-url']}),
      ...(pyodideUrl === undefined ? {} : {pyodideUrl: pyodideUrl === 'none' ? null : pyodideUrl}),
      ...(values['cache-dir'] === undefined ? {} : {cacheDir: path.resolve(cwd, values['cache-dir'])}),
      log: out,
    });
    out(`Wrote ${result.packages.length} packages and ${result.lockFile}.`);
    return 0;
  } catch (error) {
    err(
      error instanceof MirrorError
        ? `pyodocs mirror: ${error.message}`
        : `pyodocs mirror failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}
