import {lazyChunk} from './lazyChunk.js';

// The browser's AnsiSegments (package.json `imports`, #ansiSegments): anser
// in a chunk of its own, loaded by the first text with ANSI escapes. A
// server build (the `node` condition) gets AnsiSegments.tsx itself.
const ansiSegments = lazyChunk(() => import('./AnsiSegments.js').then((module) => module.AnsiSegments));

export const AnsiSegments = ansiSegments.Component;
export const loadAnsiSegments = ansiSegments.preload;
