import {useMemo, useRef, type ReactNode} from 'react';
import type {MimeRendererProps} from './MimeRendererProps.js';
import {markdownToHtml} from './markdownToHtml.js';
import {useMathTypesetting} from './math/useMathTypesetting.js';

/** text/markdown: parsed by marked, sanitized, `$...$` / `$$...$$` typeset by KaTeX. */
export function MarkdownOutput({data}: MimeRendererProps): ReactNode {
  const html = useMemo(() => markdownToHtml(String(data)), [data]);
  const ref = useRef<HTMLDivElement>(null);
  useMathTypesetting(ref, html);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: markdownToHtml sanitizes its output.
  return <div ref={ref} className="pyodocs-markdown" dangerouslySetInnerHTML={{__html: html}} />;
}
