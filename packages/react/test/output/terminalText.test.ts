import {describe, expect, it} from 'vitest';
import {applyCarriageReturns} from '../../src/output/terminalText.js';

describe('carriage returns in streams', () => {
  it('keeps the last redraw of a line, like a terminal', () => {
    expect(applyCarriageReturns(' 10%|█         |\r 50%|█████     |\r100%|██████████|\ndone\n')).toBe(
      '100%|██████████|\ndone\n',
    );
    // A shorter redraw overwrites only the start of the line.
    expect(applyCarriageReturns('abcdef\rXY')).toBe('XYcdef');
    expect(applyCarriageReturns('progress 3/3\r')).toBe('progress 3/3');
  });

  it('treats \\r\\n as a newline and leaves text without \\r alone', () => {
    expect(applyCarriageReturns('a\r\nb\r\n')).toBe('a\nb\n');
    const plain = 'no returns\nhere';
    expect(applyCarriageReturns(plain)).toBe(plain);
  });
});
