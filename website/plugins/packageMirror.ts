// Generates the site's package mirror (static/pyodide-packages: wheels +
// pyodide-lock.json, with `pyodocs mirror`) and the demo wheel of the
// Packages page (static/wheels), before Docusaurus reads static/. Both are
// gitignored build outputs; a complete mirror is not downloaded again.
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {mirrorPackages} from '@pyodocs/cli';
import {strToU8, zipSync} from 'fflate';

interface Options {
  /** Packages to mirror (micropip and packaging are always added). */
  packages: string[];
  /** Folder under static/ for the mirror. */
  mirrorDir: string;
}

export default async function packageMirror(context: LoadContext, options: Options): Promise<Plugin> {
  const staticDir = path.join(context.siteDir, 'static');
  const outDir = path.join(staticDir, options.mirrorDir);
  if (!mirrorIsComplete(outDir, options.packages)) {
    const result = await mirrorPackages({packages: options.packages, outDir, pyodideUrl: null});
    console.log(`[pyodocs] mirrored ${result.packages.length} packages into ${path.relative(context.siteDir, outDir)}`);
  }
  writeDemoWheel(path.join(staticDir, 'wheels'));
  return {name: 'website-package-mirror'};
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function mirrorIsComplete(outDir: string, packages: string[]): boolean {
  const lockFile = path.join(outDir, 'pyodide-lock.json');
  if (!existsSync(lockFile)) return false;
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as {packages: Record<string, {file_name: string}>};
  return (
    packages.every((name) => lock.packages[normalize(name)] !== undefined) &&
    Object.values(lock.packages).every((entry) => existsSync(path.join(outDir, entry.file_name)))
  );
}

/** `pyodocs_demo`, the "your own wheel" example: a pure-Python wheel (METADATA, WHEEL, RECORD, module). */
function writeDemoWheel(dir: string): void {
  const module = 'def greet(name):\n    return f"Hello {name}, from pyodocs_demo 1.0"\n';
  const info = 'pyodocs_demo-1.0.dist-info';
  const files: Record<string, string> = {
    'pyodocs_demo.py': module,
    [`${info}/METADATA`]: 'Metadata-Version: 2.1\nName: pyodocs-demo\nVersion: 1.0\n',
    [`${info}/WHEEL`]: 'Wheel-Version: 1.0\nGenerator: pyodocs-website\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
  };
  files[`${info}/RECORD`] = `${Object.entries(files)
    .map(
      ([name, text]) =>
        `${name},sha256=${createHash('sha256').update(text).digest('base64url')},${Buffer.byteLength(text)}`,
    )
    .join('\n')}\n${info}/RECORD,,\n`;
  // Fixed timestamps: the same bytes on every build.
  const zip = zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name, [strToU8(text), {mtime: new Date('2020-01-01')}]]),
    ),
  );
  mkdirSync(dir, {recursive: true});
  writeFileSync(path.join(dir, 'pyodocs_demo-1.0-py3-none-any.whl'), zip);
}
