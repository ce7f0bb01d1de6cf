import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {PyodideLock, PyodideLockInfo, PyodideLockPackage} from '@pyodocs/runtime';
import {strToU8, zipSync} from 'fflate';

/** A wheel file built in memory. */
export interface Wheel {
  fileName: string;
  bytes: Uint8Array;
}

/** A pure-Python wheel built in memory: METADATA, WHEEL, RECORD and the given files (fixed timestamps: the same bytes every time). */
export function buildWheel(options: {
  name: string;
  version: string;
  files: Record<string, string>;
  requires?: string[];
  /** Wheel tag, default py3-none-any. */
  tag?: string;
  topLevel?: string[];
}): Wheel {
  const dist = options.name.replace(/[-.]+/g, '_');
  const info = `${dist}-${options.version}.dist-info`;
  const metadata =
    `Metadata-Version: 2.1\nName: ${options.name}\nVersion: ${options.version}\n` +
    (options.requires ?? []).map((requirement) => `Requires-Dist: ${requirement}\n`).join('');
  const entries: Record<string, string> = {
    ...options.files,
    [`${info}/METADATA`]: metadata,
    [`${info}/WHEEL`]: `Wheel-Version: 1.0\nGenerator: pyodocs-tests\nRoot-Is-Purelib: true\nTag: ${options.tag ?? 'py3-none-any'}\n`,
    ...(options.topLevel ? {[`${info}/top_level.txt`]: `${options.topLevel.join('\n')}\n`} : {}),
  };
  const record = Object.entries(entries)
    .map(
      ([path, text]) =>
        `${path},sha256=${createHash('sha256').update(text).digest('base64url')},${Buffer.byteLength(text)}`,
    )
    .concat(`${info}/RECORD,,`)
    .join('\n');
  entries[`${info}/RECORD`] = `${record}\n`;
  const mtime = new Date('2020-01-01T00:00:00Z');
  const zip = zipSync(
    Object.fromEntries(Object.entries(entries).map(([path, text]) => [path, [strToU8(text), {mtime}] as const])),
  );
  return {fileName: `${dist}-${options.version}-${options.tag ?? 'py3-none-any'}.whl`, bytes: zip};
}

/** Hex sha256, as lock files hold it. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The pinned Pyodide's real lock file (from the npm package the runtime depends on). */
export function pinnedPyodideLock(): PyodideLock {
  const runtime = createRequire(import.meta.url).resolve('@pyodocs/runtime/package.json');
  const lockPath = createRequire(runtime).resolve('pyodide/pyodide-lock.json');
  return JSON.parse(readFileSync(lockPath, 'utf8')) as PyodideLock;
}

/** The `info` of the pinned lock: a lock a test writes must carry it to be loadable. */
export function pyodideLockInfo(): PyodideLockInfo {
  return pinnedPyodideLock().info;
}

/** A pyodide-lock.json entry for a wheel (sha256 of its bytes, as Pyodide checks it). */
export function lockEntry(
  wheel: Wheel,
  fields: {name: string; version: string; imports: string[]; depends?: string[]},
): PyodideLockPackage {
  return {
    name: fields.name,
    version: fields.version,
    file_name: wheel.fileName,
    install_dir: 'site',
    package_type: 'package',
    sha256: sha256Hex(wheel.bytes),
    imports: fields.imports,
    depends: fields.depends ?? [],
    unvendored_tests: false,
  };
}
