import {randomBytes} from 'node:crypto';
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/** Suffix of the temporary files a write goes through: readers never take such a file for an entry. */
export const TEMPORARY_SUFFIX = '.tmp';

/**
 * Writes `file` through a temporary file renamed into place, so a reader sees
 * the old contents or the new ones, never part of them: a process killed
 * mid-write leaves at most a `*.tmp` file beside it, and two writers at once
 * leave one whole file.
 */
export function writeFileAtomically(file: string, contents: Uint8Array | string): void {
  mkdirSync(path.dirname(file), {recursive: true});
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`;
  try {
    writeFileSync(temporary, contents);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, {force: true});
  }
}
