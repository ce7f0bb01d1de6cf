import {createHash} from 'node:crypto';
import {describe, expect, test} from 'vitest';
import type {Fetch} from '../src/worker/packageDownloads.js';
import {watchWasmFetches} from '../src/worker/wasmFetches.js';

// The worker's watch on Pyodide's own fetch of pyodide.asm.wasm, in front of
// a fetch that answers like a server would (Response objects, rejections).

const INDEX = 'https://docs.example/pyodide/314.0.7/';
const WASM = `${INDEX}pyodide.asm.wasm`;

function scopeAnswering(answer: (url: string) => Promise<Response>): {fetch: Fetch} {
  return {fetch: ((input: string) => answer(input)) as unknown as Fetch};
}

describe('watchWasmFetches', () => {
  test('hashes the wasm Pyodide fetched, and Pyodide still reads the whole response', async () => {
    const body = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
    const scope = scopeAnswering(async () => new Response(body));
    const watch = watchWasmFetches(scope, 'https://docs.example/');
    const digest = watch.sha256(INDEX);
    const response = await scope.fetch(WASM);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(body);
    expect(await digest).toBe(createHash('sha256').update(body).digest('hex'));
  });

  test('the next failed fetch of the wasm rejects with its cause: no answer, or an HTTP error', async () => {
    const scope = scopeAnswering(async (url) => {
      if (url.includes('missing')) return new Response('not found', {status: 404});
      throw new TypeError('Failed to fetch');
    });
    const watch = watchWasmFetches(scope, 'https://docs.example/');
    const unreachable = watch.nextFailure(INDEX);
    await scope.fetch(WASM).catch(() => undefined);
    await expect(unreachable).rejects.toThrow(`could not fetch ${WASM}: Failed to fetch`);

    const missingIndex = 'https://docs.example/missing/';
    const missing = watch.nextFailure(missingIndex);
    await scope.fetch(`${missingIndex}pyodide.asm.wasm`);
    await expect(missing).rejects.toThrow(`${missingIndex}pyodide.asm.wasm answered HTTP 404`);
  });

  test('other files, and a wasm that arrives, settle nothing', async () => {
    const scope = scopeAnswering(async (url) => {
      if (url.endsWith('.whl')) throw new TypeError('Failed to fetch');
      return new Response('wasm');
    });
    const watch = watchWasmFetches(scope, 'https://docs.example/');
    let settled = false;
    watch.nextFailure(INDEX).catch(() => {
      settled = true;
    });
    await scope.fetch(`${INDEX}numpy.whl`).catch(() => undefined);
    await scope.fetch(WASM);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
  });
});
