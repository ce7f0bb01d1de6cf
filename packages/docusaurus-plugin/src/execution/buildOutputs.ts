import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {ExecutedOutput} from '@pyodocs/build';

/**
 * An output as a cell element carries it from the build (contract C9): the
 * runtime's output, with images moved out of the page into files
 * (`urls[mime]` is the file's URL, the bundle's value emptied) and HTML
 * sanitized at build (`metadata['text/html']['pyodocs:sanitized']`).
 */
export type BuildOutput =
  | {kind: 'stream'; name: 'stdout' | 'stderr'; text: string}
  | {
      kind: 'display' | 'result';
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
      urls?: Record<string, string>;
    }
  | {kind: 'error'; error: {ename: string; evalue: string; traceback: string; details?: string}};

/** Raster types written as files: base64 in a bundle, a few KB to MB each. */
const IMAGE_EXTENSIONS: Record<string, string> = {'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif'};

/** Where output files live between builds, and the URL the build serves them at. */
export interface OutputFiles {
  /** Folder of the files, named by content hash (`<sha256>.<ext>`). */
  dir: string;
  /** Public folder in the site, with baseUrl, ending with '/'. */
  publicPath: string;
}

/**
 * The build outputs of one cell: images written once into `files.dir`
 * (named by content, so a figure shared by pages is one file) and
 * referenced by URL; HTML passed through `sanitize`. Returns the outputs and
 * the file names they use.
 */
export function toBuildOutputs(
  outputs: readonly ExecutedOutput[],
  files: OutputFiles,
  sanitize: (html: string) => string,
): {outputs: BuildOutput[]; fileNames: string[]} {
  const fileNames: string[] = [];
  const converted = outputs.map((output): BuildOutput => {
    if (output.kind !== 'display' && output.kind !== 'result') return output;
    const data: Record<string, unknown> = {...output.data};
    const metadata: Record<string, unknown> = {...output.metadata};
    const urls: Record<string, string> = {};
    for (const [mime, extension] of Object.entries(IMAGE_EXTENSIONS)) {
      const value = data[mime];
      if (typeof value !== 'string') continue;
      const bytes = Buffer.from(value.replace(/\s+/g, ''), 'base64');
      const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${extension}`;
      writeOnce(path.join(files.dir, name), bytes);
      fileNames.push(name);
      urls[mime] = `${files.publicPath}${name}`;
      data[mime] = '';
    }
    const html = data['text/html'];
    if (typeof html === 'string') {
      data['text/html'] = sanitize(html);
      const own = metadata['text/html'];
      metadata['text/html'] = {...(typeof own === 'object' && own !== null ? own : {}), 'pyodocs:sanitized': true};
    }
    return Object.keys(urls).length > 0 ? {...output, data, metadata, urls} : {...output, data, metadata};
  });
  return {outputs: converted, fileNames};
}

function writeOnce(file: string, bytes: Uint8Array): void {
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), {recursive: true});
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}
