import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {checkPages, DEFAULT_CHECK_CACHE_DIR} from './checkPages.js';
import {formatCheckReport} from './formatCheckReport.js';
import {parseShard, type Shard} from './shards.js';

export const CHECK_USAGE = `Usage: pyodocs check [path...] [options]

Runs the Python cells and doctests of every page, headless, without a build,
and reports each page: passed, failed (file:line and what failed) or skipped.
A path is a page, a folder of .md/.mdx pages, or a Docusaurus site (its docs/,
blog/ and src/pages/); default: the current directory.

  --jobs N             pages checked at once, one Pyodide each (default: CPU count)
  --shard i/n          only the pages of shard i of n (a stable hash of each page's path)
  --cache-dir DIR      execution and package caches (default ${DEFAULT_CHECK_CACHE_DIR})
  --json FILE          also write the report as JSON ("-": JSON on stdout, text on stderr)
  --lint               also report fence and front-matter problems and imports
                       no package source provides
  --force              run every cell, ignoring the execution cache
  --timeout SECONDS    time limit of a cell without timeout= (default 30)
  --runnable marked|all   which python fences are cells, as the plugin's option (default marked)
  --doctest all|marked|off  which doctest blocks run, as the plugin's option (default all)
  --pyodide-url URL|none  Pyodide distribution for lock packages (default: the official one)
  --index-url URL|none    PyPI JSON API for other packages (default https://pypi.org)

Exit status: 0 every page passed, 1 a page failed, 2 the command could not run.`;

/** `pyodocs check`: returns the exit code. */
export async function checkCommand(
  args: string[],
  io: {out: (line: string) => void; err: (line: string) => void; cwd: string},
): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  let positionals: string[];
  let shard: Shard | undefined;
  let jobs: number | undefined;
  let timeoutSeconds: number | undefined;
  try {
    ({values, positionals} = parse(args));
    if (values.help) {
      io.out(CHECK_USAGE);
      return 0;
    }
    shard = values.shard === undefined ? undefined : parseShard(values.shard);
    jobs = values.jobs === undefined ? undefined : positiveNumber('--jobs', values.jobs, true);
    timeoutSeconds = values.timeout === undefined ? undefined : positiveNumber('--timeout', values.timeout, false);
    oneOf('--runnable', values.runnable, ['marked', 'all']);
    oneOf('--doctest', values.doctest, ['all', 'marked', 'off']);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${CHECK_USAGE}`);
    return 2;
  }

  const jsonToStdout = values.json === '-';
  const text = jsonToStdout ? io.err : io.out;
  try {
    const report = await checkPages({
      paths: positionals.length > 0 ? positionals : ['.'],
      cwd: io.cwd,
      lint: values.lint ?? false,
      force: values.force ?? false,
      ...(jobs === undefined ? {} : {jobs}),
      ...(shard === undefined ? {} : {shard}),
      ...(timeoutSeconds === undefined ? {} : {timeoutSeconds}),
      ...(values['cache-dir'] === undefined ? {} : {cacheDir: values['cache-dir']}),
      ...(values.runnable === undefined ? {} : {runnable: values.runnable as 'marked' | 'all'}),
      ...(values.doctest === undefined
        ? {}
        : {doctest: values.doctest === 'off' ? false : (values.doctest as 'all' | 'marked')}),
      ...(values['pyodide-url'] === undefined ? {} : {distributionUrl: noneAsNull(values['pyodide-url'])}),
      ...(values['index-url'] === undefined ? {} : {pypiUrl: noneAsNull(values['index-url'])}),
      log: io.err,
    });
    text(formatCheckReport(report));
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (jsonToStdout) io.out(json.trimEnd());
    else if (values.json !== undefined) {
      const file = path.resolve(io.cwd, values.json);
      mkdirSync(path.dirname(file), {recursive: true});
      writeFileSync(file, json);
    }
    return report.summary.pages.failed > 0 ? 1 : 0;
  } catch (error) {
    io.err(`pyodocs check could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      jobs: {type: 'string'},
      shard: {type: 'string'},
      'cache-dir': {type: 'string'},
      json: {type: 'string'},
      lint: {type: 'boolean'},
      force: {type: 'boolean'},
      timeout: {type: 'string'},
      runnable: {type: 'string'},
      doctest: {type: 'string'},
      'pyodide-url': {type: 'string'},
      'index-url': {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
  });
}

function positiveNumber(option: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${option} takes a positive ${integer ? 'whole ' : ''}number, got '${text}'.`);
  }
  return value;
}

function oneOf(option: string, value: string | undefined, allowed: string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new Error(`${option} takes ${allowed.join(' or ')}, got '${value}'.`);
  }
}

function noneAsNull(value: string): string | null {
  return value === 'none' ? null : value;
}
