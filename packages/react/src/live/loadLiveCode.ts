import {loadOutputBlocks} from '#outputBlocks';
import {onDemandModule} from '../output/lazyChunk.js';
import type * as LiveCode from './liveCode.js';

export type LiveCodeModule = typeof LiveCode;

// The code that runs Python (client, worker connection, run queue, the
// cells' run logic) is a chunk of its own: a page with cells loads it when
// the reader shows intent (hover, focus, touch) or presses Run, not with the
// page (issue 13). One load per module copy; a failed load is retried.
//   loadLiveCode       the run code, loading it if needed
//   loadedLiveCode     the run code if it has arrived: what has to happen at
//                      once (a run queued by another cell) uses it then
//   subscribeLiveCode  called once it has arrived (labels only a run shows come with it)
export const [loadLiveCode, loadedLiveCode, , subscribeLiveCode] = onDemandModule<LiveCodeModule>(() => {
  // The outputs the run will show: their renderers come along (not awaited).
  loadOutputBlocks().catch(() => {});
  return import(/* webpackChunkName: "pyodocs-run" */ './liveCode.js');
});
