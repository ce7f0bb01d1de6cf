import {useMemo, useRef, type ReactNode} from 'react';
import type {MimeRendererProps} from './MimeRendererProps.js';
import {markdownToHtml} from './markdownToHtml.js';
import {useMathTypesetting} from './math/useMathTypesetting.js';
import {useIsHydrating} from './useIsHydrating.js';

/**
 * text/markdown: parsed by marked, sanitized, `$...$` / `$$...$$` typeset by
 * KaTeX. Sanitizing needs the DOM: a build output renders empty on the
 * server and while hydrating, then for real.
 */
export function MarkdownOutput({data}: MimeRendererProps): ReactNode {
  const hydrating = useIsHydrating();
  const html = useMemo(() => (hydrating ? '' : markdownToHtml(String(data))), [hydrating, data]);
  const ref = useRef<HTMLDivElement>(null);
  useMathTypesetting(ref, html);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: markdownToHtml sanitizes its output.
  return <div ref={ref} className="pyodocs-markdown" dangerouslySetInnerHTML={{__html: html}} />;
}
