import {useMemo, useRef, type ReactNode} from 'react';
import type {MimeRendererProps} from './MimeRendererProps.js';
import {escapeHtml, mathPlaceholder} from './math/mathPlaceholder.js';
import {splitMath} from './math/splitMath.js';
import {useMathTypesetting} from './math/useMathTypesetting.js';

/**
 * text/latex (IPython's `Latex`, sympy, `_repr_latex_`): formulas between the
 * usual delimiters are typeset by KaTeX, text around them stays text. A value
 * with no delimiters at all is one display formula.
 */
export function LatexOutput({data}: MimeRendererProps): ReactNode {
  const html = useMemo(() => latexToHtml(String(data)), [data]);
  const ref = useRef<HTMLDivElement>(null);
  useMathTypesetting(ref, html);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: built from escaped text and math placeholders only.
  return <div ref={ref} className="pyodocs-latex" dangerouslySetInnerHTML={{__html: html}} />;
}

export function latexToHtml(latex: string): string {
  const segments = splitMath(latex);
  if (!segments.some((segment) => segment.kind === 'math')) return mathPlaceholder(latex.trim(), true);
  return segments
    .map((segment) =>
      segment.kind === 'math'
        ? mathPlaceholder(segment.tex, segment.display)
        : escapeHtml(segment.text.replace(/\\\$/g, '$')),
    )
    .join('');
}
