import {createHash} from 'node:crypto';
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
    .map(([path, text]) => `${path},sha256=${createHash('sha256').update(text).digest('base64url')},${Buffer.byteLength(text)}`)
    .concat(`${info}/RECORD,,`)
    .join('\n');
  entries[`${info}/RECORD`] = `${record}\n`;
  const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([path, text]) => [path, strToU8(text)])));
  return {fileName: `${dist}-${options.version}-${options.tag ?? 'py3-none-any'}.whl`, bytes: zip};
}

