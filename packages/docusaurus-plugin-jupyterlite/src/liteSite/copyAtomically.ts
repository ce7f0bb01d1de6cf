import {cpSync, existsSync, mkdirSync, renameSync, rmSync} from 'node:fs';
import path from 'node:path';

/**
 * Copies `from` to `to` through a sibling temporary folder and a rename, so
 * `to` is either absent or complete, never half-copied.
 */
export function copyAtomically(from: string, to: string): void {
  const tmp = path.join(path.dirname(to), `.${path.basename(to)}.tmp-${process.pid}`);
  rmSync(tmp, {recursive: true, force: true});
  mkdirSync(path.dirname(to), {recursive: true});
  try {
    cpSync(from, tmp, {recursive: true});
    if (existsSync(to)) rmSync(to, {recursive: true, force: true});
    renameSync(tmp, to);
  } finally {
    rmSync(tmp, {recursive: true, force: true});
  }
}
