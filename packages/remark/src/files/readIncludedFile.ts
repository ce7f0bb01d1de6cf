import {nodeBuiltin} from './nodeBuiltin.js';

interface NodeFs {
  readFileSync(path: string, encoding: 'utf8'): string;
}
interface NodePath {
  resolve(...paths: string[]): string;
  dirname(path: string): string;
}

/** An included file, read; or why it could not be. */
export type IncludedFile =
  | {ok: true; path: string; text: string}
  | {ok: false; path: string; reason: 'missing' | 'folder' | string}
  | {ok: false; path: undefined; reason: string};

/**
 * Reads the file `target` names, relative to the folder of `from` (the
 * including file's absolute path), or to `root` when it starts with `/`
 * (as Sphinx reads such paths against its source folder). Only in Node:
 * elsewhere there are no files to read.
 */
export function readIncludedFile(target: string, from: string | undefined, root: string): IncludedFile {
  const fs = nodeBuiltin<NodeFs>('node:fs');
  const path = nodeBuiltin<NodePath>('node:path');
  if (!fs || !path) return {ok: false, path: undefined, reason: 'files can only be included when building in Node'};
  if (!from) return {ok: false, path: undefined, reason: 'the page has no file path to resolve it against'};
  const resolved = target.startsWith('/') ? path.resolve(root, `.${target}`) : path.resolve(path.dirname(from), target);
  try {
    return {ok: true, path: resolved, text: fs.readFileSync(resolved, 'utf8')};
  } catch (error) {
    const code = (error as {code?: unknown}).code;
    if (code === 'ENOENT') return {ok: false, path: resolved, reason: 'missing'};
    if (code === 'EISDIR') return {ok: false, path: resolved, reason: 'folder'};
    return {ok: false, path: resolved, reason: `it cannot be read (${String(code ?? error)})`};
  }
}
