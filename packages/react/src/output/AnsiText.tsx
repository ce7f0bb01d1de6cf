import {type ReactNode, Suspense} from 'react';
// A chunk of its own in the browser, the module itself on a server (package.json `imports`).
import {AnsiSegments} from '#ansiSegments';

// CSI sequences (colours, cursor movement): dropped while the colours load.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC is what starts the sequences.
const CSI = /\u001b\[[0-?]*[ -/]*[@-~]/g;

/**
 * Text that may carry ANSI SGR escapes (colours, bold, ...). Text without
 * escapes is plain React text; with them, AnsiSegments (anser, a chunk of
 * its own) colours it, and the text shows without the escapes meanwhile.
 */
export function AnsiText({text}: {text: string}): ReactNode {
  if (!text.includes('\u001b')) return text;
  return (
    <Suspense fallback={text.replace(CSI, '')}>
      <AnsiSegments text={text} />
    </Suspense>
  );
}
