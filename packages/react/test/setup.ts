import {cleanup} from '@testing-library/react';
import {afterEach, beforeAll} from 'vitest';
import {loadAnsiSegments} from '#ansiSegments';
import {loadOutputBlocks} from '#outputBlocks';

// The output renderers and the ANSI colours are chunks of their own, loaded
// by the first output (issue 13); loaded here once, so that tests about what
// outputs look like see them at once, as a page does once they arrived.
beforeAll(async () => {
  await Promise.all([loadOutputBlocks(), loadAnsiSegments()]);
});

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

// jsdom has no layout: CodeMirror measures text through Range rects, which
// jsdom lacks. Empty rects are enough for editing through the DOM and keymaps.
if (typeof Range !== 'undefined' && !Range.prototype.getClientRects) {
  const emptyRect = {x: 0, y: 0, width: 0, height: 0, top: 0, right: 0, bottom: 0, left: 0, toJSON: () => ({})};
  Range.prototype.getBoundingClientRect = () => emptyRect as DOMRect;
  Range.prototype.getClientRects = () => Object.assign([], {item: () => null}) as unknown as DOMRectList;
}
