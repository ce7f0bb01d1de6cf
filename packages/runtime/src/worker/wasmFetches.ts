// Which pyodide.asm.wasm the worker really runs, for the check of a memory
// snapshot (src/snapshot/): Pyodide fetches the wasm itself as it starts, so
// this start-up step watches the worker's fetches and hashes a clone of that
// response. The original goes to Pyodide untouched (streaming compilation,
// the browser's code cache), and nothing is downloaded twice.

import {canComputeDigests} from './integrity.js';
import type {Fetch} from './packageDownloads.js';

/** How long to wait for Pyodide's own fetch of the wasm before giving up on the check. */
const WASM_FETCH_WAIT_MS = 60_000;

/**
 * Put the watcher in front of `scope.fetch`; returns the engine's
 * `wasmSha256`: the sha256 (hex) of `${indexURL}pyodide.asm.wasm` once
 * Pyodide has fetched it.
 */
export function watchWasmFetches(scope: {fetch: Fetch}, base: string): (indexURL: string) => Promise<string> {
  const digests = new Map<string, Promise<string>>();
  const waiting = new Map<string, (digest: Promise<string>) => void>();
  const fetch = scope.fetch;
  scope.fetch = (input, init) => {
    const response = fetch(input, init);
    const url = requestUrl(input);
    if (url?.split(/[?#]/)[0]?.endsWith('/pyodide.asm.wasm')) {
      // Cloned before Pyodide reads it: this .then runs first.
      const digest = response.then((original) => original.clone().arrayBuffer()).then(sha256Hex);
      digest.catch(() => undefined);
      digests.set(url, digest);
      waiting.get(url)?.(digest);
      waiting.delete(url);
    }
    return response;
  };
  return (indexURL) => {
    if (!canComputeDigests()) {
      return Promise.reject(new Error('this page cannot compute sha256 (no crypto.subtle outside https)'));
    }
    const url = new URL('pyodide.asm.wasm', new URL(indexURL, base)).href;
    const known = digests.get(url);
    if (known !== undefined) return known;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(url);
        reject(new Error(`Pyodide did not fetch ${url}, so it could not be checked`));
      }, WASM_FETCH_WAIT_MS);
      waiting.set(url, (digest) => {
        clearTimeout(timer);
        resolve(digest);
      });
    });
  };
}

async function sha256Hex(buffer: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function requestUrl(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  const url = (input as {url?: unknown} | null)?.url;
  return typeof url === 'string' ? url : undefined;
}
