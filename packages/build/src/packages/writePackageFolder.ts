import {randomBytes} from 'node:crypto';
import {
  copyFileSync,
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
import type {PyodideLock} from '@pyodocs/runtime';
import type {PackageBundle} from './bundlePackages.js';

const LOCK_FILE = 'pyodide-lock.json';
const STAGING_MARK = '.pyodocs-';

/**
 * Writes the bundle's files and `pyodide-lock.json` into `outDir`. The folder
 * is filled beside it and renamed into place, so a reader (or the next
 * build) sees the old folder or the new one, never half of one; the folder
 * it replaces must hold nothing but a previous bundle.
 */
export function writePackageFolder(bundle: PackageBundle, outDir: string): void {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  mkdirSync(parent, {recursive: true});
  removeLeftovers(target);
  if (existsSync(target)) assertOnlyABundle(target);

  const staging = `${target}${STAGING_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    mkdirSync(staging);
    for (const file of bundle.files) copyFileSync(file.path, path.join(staging, file.fileName));
    writeFileSync(path.join(staging, LOCK_FILE), `${JSON.stringify(bundle.lock)}\n`);
    if (existsSync(target)) {
      const previous = `${staging}-old`;
      renameSync(target, previous);
      renameSync(staging, target);
      rmSync(previous, {recursive: true, force: true});
    } else {
      renameSync(staging, target);
    }
  } finally {
    rmSync(staging, {recursive: true, force: true});
  }
}

/** Folders an interrupted write left beside the target. */
function removeLeftovers(target: string): void {
  const prefix = `${path.basename(target)}${STAGING_MARK}`;
  for (const name of readdirSync(path.dirname(target))) {
    if (name.startsWith(prefix)) rmSync(path.join(path.dirname(target), name), {recursive: true, force: true});
  }
}

/** Replacing the folder must not delete files someone else put there. */
function assertOnlyABundle(target: string): void {
  if (!statSync(target).isDirectory()) throw new Error(`${target} exists and is not a folder.`);
  const names = readdirSync(target);
  if (names.length === 0) return;
  let listed = new Set<string>();
  try {
    const lock = JSON.parse(readFileSync(path.join(target, LOCK_FILE), 'utf8')) as PyodideLock;
    listed = new Set(Object.values(lock.packages ?? {}).map((entry) => entry.file_name));
  } catch {
    // No readable lock: every file is a stranger.
  }
  const strangers = names.filter((name) => name !== LOCK_FILE && !listed.has(name));
  if (strangers.length > 0) {
    const shown = strangers.slice(0, 5).join(', ') + (strangers.length > 5 ? ', …' : '');
    throw new Error(
      `Not replacing ${target}: it holds files that are not part of a previous package bundle (${shown}). Choose an empty folder or remove them.`,
    );
  }
}
