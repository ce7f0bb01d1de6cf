import {useMemo, type ReactNode} from 'react';
import type {MimeRendererProps} from './MimeRendererProps.js';
import {sanitizeHtml} from './sanitizeHtml.js';
import {SANITIZED_AT_BUILD} from './sanitizedAtBuild.js';
import {useIsHydrating} from './useIsHydrating.js';

/**
 * text/html from Python, sanitized (see sanitizeHtml.ts) and inserted inline,
 * so tables take the page's fonts and their natural size. The box clips and
 * contains whatever is inside it (styles.css). HTML the build already
 * sanitized is rendered as is on the server (there is no DOM to sanitize
 * with there) and while hydrating, so the static page shows it; it is
 * sanitized again in the browser right after (idempotent, so nothing moves).
 */
export function HtmlOutput({data, metadata}: MimeRendererProps): ReactNode {
  const hydrating = useIsHydrating();
  const sanitizedAtBuild = metadata[SANITIZED_AT_BUILD] === true;
  const source = String(data);
  const html = useMemo(
    () => (hydrating ? (sanitizedAtBuild ? source : '') : sanitizeHtml(source)),
    [hydrating, sanitizedAtBuild, source],
  );
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify above (or at build, then again here).
  return <div className="pyodocs-html" dangerouslySetInnerHTML={{__html: html}} />;
}
