import type {ReactNode} from 'react';
import {AnsiText} from './AnsiText.js';
import type {MimeRendererProps} from './MimeRendererProps.js';

/** text/plain, the fallback every bundle carries; ANSI colours are kept. */
export function TextOutput({data}: MimeRendererProps): ReactNode {
  return (
    <pre className="pyodocs-text">
      <AnsiText text={String(data)} />
    </pre>
  );
}
