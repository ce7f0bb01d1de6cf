import {useMemo, type ReactNode} from 'react';
import type {MimeRendererProps} from './MimeRendererProps.js';
import {sanitizeHtml} from './sanitizeHtml.js';

/**
 * text/html from Python, sanitized (see sanitizeHtml.ts) and inserted inline,
 * so tables take the page's fonts and their natural size. The box clips and
 * contains whatever is inside it (styles.css).
 */
export function HtmlOutput({data}: MimeRendererProps): ReactNode {
  const html = useMemo(() => sanitizeHtml(String(data)), [data]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify above.
  return <div className="pyodocs-html" dangerouslySetInnerHTML={{__html: html}} />;
}
