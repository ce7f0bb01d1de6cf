// The wheel builder of @pyodocs/testing, kept here because the runtime
// depends on nothing of ours and @pyodocs/testing depends on the runtime (for
// the lock types): only the runtime's own tests use this copy.
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {strToU8, zipSync} from 'fflate';

/** A pure-Python wheel built in memory: METADATA, WHEEL, RECORD and the given files. */
export function buildWheel(options: {
  name: string;
  version: string;
  files: Record<string, string>;
  requires?: string[];
  /** Wheel tag, default py3-none-any. */
  tag?: string;
  topLevel?: string[];
}): {fileName: string; bytes: Uint8Array} {
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
  const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([path, text]) => [path, strToU8(text)])));
  return {fileName: `${dist}-${options.version}-${options.tag ?? 'py3-none-any'}.whl`, bytes: zip};
}

/** The `info` of the pinned Pyodide's lock file: a lock we write must carry it. */
export function pyodideLockInfo(): Record<string, unknown> {
  const lockPath = createRequire(import.meta.url).resolve('pyodide/pyodide-lock.json');
  return (JSON.parse(readFileSync(lockPath, 'utf8')) as {info: Record<string, unknown>}).info;
}

/** A pyodide-lock.json entry for a wheel (sha256 of its bytes, as Pyodide checks it). */
export function lockEntry(
  wheel: {fileName: string; bytes: Uint8Array},
  fields: {name: string; version: string; imports: string[]; depends?: string[]},
): Record<string, unknown> {
  return {
    name: fields.name,
    version: fields.version,
    file_name: wheel.fileName,
    install_dir: 'site',
    package_type: 'package',
    sha256: createHash('sha256').update(wheel.bytes).digest('hex'),
    imports: fields.imports,
    depends: fields.depends ?? [],
    unvendored_tests: false,
  };
}
