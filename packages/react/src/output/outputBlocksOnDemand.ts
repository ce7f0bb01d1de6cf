import {lazyChunk} from './lazyChunk.js';

// The browser's OutputBlocks (package.json `imports`, #outputBlocks): a chunk
// of its own, so a page whose cells show no outputs before Run does not load
// the renderers (issue 13). The run code starts loading it too, so a run's
// first output does not wait for it. A server build (the `node` condition)
// gets outputBlocksNow.ts: it renders the build's outputs into the HTML.
const outputBlocks = lazyChunk(() => import('./OutputBlocks.js').then((module) => module.OutputBlocks));

export const OutputBlocks = outputBlocks.Component;
export const loadOutputBlocks = outputBlocks.preload;
