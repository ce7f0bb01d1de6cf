import Anser from 'anser';
import type {CSSProperties, ReactNode} from 'react';
import {xtermPaletteColor} from './ansiPalette.js';

// The 16 named colours, as anser names them with `use_classes`; each gets a
// `pyodocs-ansi-<name>-fg|bg` class whose colour styles.css sets per theme.
const NAMED = /^ansi-(bright-)?(black|red|green|yellow|blue|magenta|cyan|white)$/;

/**
 * Text with ANSI SGR escapes (colours, bold, ...), as React text and spans:
 * the text is never parsed as HTML, so nothing in it can become markup.
 * Other escapes (cursor movement) are dropped by anser. A chunk of its own
 * (anser), loaded by the first text that has escapes (AnsiText.tsx).
 */
export function AnsiSegments({text}: {text: string}): ReactNode {
  const entries = Anser.ansiToJson(text, {use_classes: true, remove_empty: true});
  return entries.map((entry, index) => {
    const classes: string[] = [];
    const style: CSSProperties = {};
    colour(entry.fg, entry.fg_truecolor, 'fg', classes, style);
    colour(entry.bg, entry.bg_truecolor, 'bg', classes, style);
    for (const decoration of entry.decorations) classes.push(`pyodocs-ansi-${decoration}`);
    if (classes.length === 0 && Object.keys(style).length === 0) return entry.content;
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: segments never reorder, so the index is a stable key.
      <span key={index} className={classes.join(' ') || undefined} style={style}>
        {entry.content}
      </span>
    );
  });
}

function colour(
  name: string | null,
  truecolor: string | null,
  layer: 'fg' | 'bg',
  classes: string[],
  style: CSSProperties,
): void {
  if (!name) return;
  const property = layer === 'fg' ? 'color' : 'backgroundColor';
  if (NAMED.test(name)) {
    classes.push(`pyodocs-${name}-${layer}`);
  } else if (name === 'ansi-truecolor' && truecolor && /^\d{1,3}, \d{1,3}, \d{1,3}$/.test(truecolor)) {
    style[property] = `rgb(${truecolor})`;
  } else if (name.startsWith('ansi-palette-')) {
    const rgb = xtermPaletteColor(Number(name.slice('ansi-palette-'.length)));
    if (rgb) style[property] = rgb;
  }
}

/** Loaded already (the server's AnsiSegments, package.json `imports`). */
export function loadAnsiSegments(): Promise<typeof AnsiSegments> {
  return Promise.resolve(AnsiSegments);
}
