import {OutputBlocks} from './OutputBlocks.js';

// The server's OutputBlocks (package.json `imports`, #outputBlocks, `node`
// condition): rendered at once, in the static HTML; no chunk to load (a
// server bundle may not be able to load one). See outputBlocksOnDemand.ts.
export {OutputBlocks};

export function loadOutputBlocks(): Promise<typeof OutputBlocks> {
  return Promise.resolve(OutputBlocks);
}
