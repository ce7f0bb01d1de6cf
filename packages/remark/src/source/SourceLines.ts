import type {Point} from 'unist';

/** Offsets and line/column points of one source text, converted both ways (1-based lines and columns). */
export class SourceLines {
  readonly text: string;
  private readonly starts: number[];

  constructor(text: string) {
    this.text = text;
    this.starts = [0, ...Array.from(text.matchAll(/\r\n|\r|\n/g), (match) => match.index + match[0].length)];
  }

  /** A point's offset: its own when it has one, else from its line and column (nodes some transforms made have none). */
  offsetOf(point: Point): number {
    if (typeof point.offset === 'number') return point.offset;
    const start = this.starts[point.line - 1] ?? this.text.length;
    return Math.min(start + point.column - 1, this.text.length);
  }

  pointAt(offset: number): Point {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return {line: low + 1, column: offset - (this.starts[low] ?? 0) + 1, offset};
  }

  /** The text of line `line` (1-based), without its line ending. */
  line(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? undefined : next).replace(/\r?\n$|\r$/, '');
  }
}
