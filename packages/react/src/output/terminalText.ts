/**
 * Stream text as a terminal would leave it: a carriage return (without a line
 * feed) moves back to the line start, so progress bars (tqdm, pip) that
 * redraw one line show only their latest state, as in Jupyter.
 */
export function applyCarriageReturns(text: string): string {
  if (!text.includes('\r')) return text;
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => {
      const parts = line.split('\r');
      // The last non-empty redraw wins; a trailing \r (the cursor back at the start) keeps it.
      let shown = '';
      for (const part of parts) {
        if (part) shown = part.length >= shown.length ? part : part + shown.slice(part.length);
      }
      return shown;
    })
    .join('\n');
}
