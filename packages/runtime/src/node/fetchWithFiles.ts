import {promises as fs} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Fetch} from '../worker/packageDownloads.js';

/**
 * `fetch` that also reads local files (absolute paths and `file:` URLs,
 * which Node 20's fetch refuses): 200 with Content-Length, or 404 when the
 * file does not exist, so a package folder on disk fails like a server.
 */
export function fetchWithFiles(realFetch: Fetch): Fetch {
  return async (input, init) => {
    const location = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    const file = location === undefined ? undefined : localPath(location);
    if (file === undefined) return realFetch(input, init);
    try {
      const bytes = await fs.readFile(file);
      return new Response(bytes, {status: 200, headers: {'content-length': String(bytes.length)}});
    } catch (error) {
      if ((error as {code?: unknown}).code === 'ENOENT') return new Response('not found', {status: 404});
      throw error;
    }
  };
}

/** The path of a `file:` URL or an absolute path; undefined for other URLs. */
export function localPath(location: string): string | undefined {
  if (location.startsWith('file:')) return fileURLToPath(location);
  return path.isAbsolute(location) ? location : undefined;
}
