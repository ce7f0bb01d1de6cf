import type {Code} from 'mdast';
import {locateFenceMeta, type SourcePoint} from './locateFenceMeta.js';

/**
 * Where an offset of a fence's meta is in the page: its exact line and
 * column when the opening line can be re-read from the source, else the
 * fence's start; undefined for a node without a position.
 */
export function fenceMetaPlace(source: string, node: Code): (offset: number) => SourcePoint | undefined {
  const metaPoint = locateFenceMeta(source, node);
  const start = node.position?.start;
  return (offset) => (metaPoint ? metaPoint(offset) : start && {line: start.line, column: start.column});
}
