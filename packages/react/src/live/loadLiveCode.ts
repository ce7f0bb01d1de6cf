import {loadOutputBlocks} from '#outputBlocks';
import type * as LiveCode from './liveCode.js';

export type LiveCodeModule = typeof LiveCode;

// The code that runs Python (client, worker connection, run queue, the
// cells' run logic) is a chunk of its own: a page with cells loads it when
// the reader shows intent (hover, focus, touch) or presses Run, not with the
// page (issue 13). One promise per module copy; a failed load is retried.
let loaded: LiveCodeModule | undefined;
let loading: Promise<LiveCodeModule> | undefined;
const listeners = new Set<() => void>();

/** The run code, loading it if needed. */
export function loadLiveCode(): Promise<LiveCodeModule> {
  // The outputs the run will show: their renderers come along (not awaited).
  if (!loading) loadOutputBlocks().catch(() => {});
  loading ??= import(/* webpackChunkName: "pyodocs-run" */ './liveCode.js').then(
    (module) => {
      loaded = module;
      for (const listener of Array.from(listeners)) listener();
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The run code if it has arrived: what has to happen at once (a run queued by another cell) uses it then. */
export function loadedLiveCode(): LiveCodeModule | undefined {
  return loaded;
}

/** Called once the run code has arrived (labels only a run shows come with it). */
export function subscribeLiveCode(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
