// Which pyodide.asm.wasm the worker really runs, for the check of a memory
// snapshot (src/snapshot/): Pyodide fetches the wasm itself as it starts, so
// this start-up step watches the worker's fetches and hashes a clone of that
// response. The original goes to Pyodide untouched (streaming compilation,
// the browser's code cache), and nothing is downloaded twice.
//
// It also tells when that fetch fails: Emscripten then aborts in a promise
// loadPyodide never settles, so the engine could otherwise wait forever.

import {canComputeDigests} from './integrity.js';
import type {Fetch} from './packageDownloads.js';

/** How long to wait for Pyodide's own fetch of the wasm before giving up on the check. */
const WASM_FETCH_WAIT_MS = 60_000;

export interface WasmFetches {
  /** The sha256 (hex) of `${indexURL}pyodide.asm.wasm` once Pyodide has fetched it. */
  sha256(indexURL: string): Promise<string>;
  /** Rejects with the reason when the next fetch of `${indexURL}pyodide.asm.wasm` fails (no answer, or an HTTP error). */
  nextFailure(indexURL: string): Promise<never>;
}

/** Put the watcher in front of `scope.fetch`. */
export function watchWasmFetches(scope: {fetch: Fetch}, base: string): WasmFetches {
  const digests = new Map<string, Promise<string>>();
  const waiting = new Map<string, (digest: Promise<string>) => void>();
  const failureWatchers = new Map<string, Array<(reason: Error) => void>>();
  const wasmUrl = (indexURL: string) => new URL('pyodide.asm.wasm', new URL(indexURL, base)).href;
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
      const watchers = failureWatchers.get(url) ?? [];
      failureWatchers.delete(url);
      if (watchers.length > 0) {
        const fail = (reason: Error) => {
          for (const watcher of watchers) watcher(reason);
        };
        response.then(
          (answer) => {
            if (!answer.ok) fail(new Error(`${url} answered HTTP ${answer.status}`));
          },
          (error: unknown) =>
            fail(new Error(`could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}`)),
        );
      }
    }
    return response;
  };
  const nextFailure = (indexURL: string) =>
    new Promise<never>((_resolve, reject) => {
      const url = wasmUrl(indexURL);
      failureWatchers.set(url, [...(failureWatchers.get(url) ?? []), reject]);
    });
  const sha256 = (indexURL: string) => {
    if (!canComputeDigests()) {
      return Promise.reject(new Error('this page cannot compute sha256 (no crypto.subtle outside https)'));
    }
    const url = wasmUrl(indexURL);
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
  return {sha256, nextFailure};
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
