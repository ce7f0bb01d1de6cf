import {cleanup} from '@testing-library/react';
import {afterEach} from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

// jsdom has no layout: CodeMirror measures text through Range rects, which
// jsdom lacks. Empty rects are enough for editing through the DOM and keymaps.
if (typeof Range !== 'undefined' && !Range.prototype.getClientRects) {
  const emptyRect = {x: 0, y: 0, width: 0, height: 0, top: 0, right: 0, bottom: 0, left: 0, toJSON: () => ({})};
  Range.prototype.getBoundingClientRect = () => emptyRect as DOMRect;
  Range.prototype.getClientRects = () => Object.assign([], {item: () => null}) as unknown as DOMRectList;
}
