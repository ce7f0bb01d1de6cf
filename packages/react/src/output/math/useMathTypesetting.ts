import {useEffect, type RefObject} from 'react';
import {loadKatex} from './loadKatex.js';

/**
 * Typesets the formula placeholders (see mathPlaceholder.ts) under `ref`
 * whenever `html` changes, loading KaTeX on first need. KaTeX's own output is
 * safe for untrusted TeX: `trust` stays off (no \href, \url, \includegraphics
 * to arbitrary URLs, no \htmlClass...), and errors show the source in red
 * instead of throwing.
 */
export function useMathTypesetting(ref: RefObject<HTMLElement | null>, html: string): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: html is what the element under ref shows; new html means new placeholders.
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const pending = Array.from(root.querySelectorAll<HTMLElement>('.pyodocs-math[data-tex]'));
    if (pending.length === 0) return;
    let cancelled = false;
    loadKatex().then(
      (katex) => {
        if (cancelled) return;
        for (const element of pending) {
          katex.render(element.dataset.tex ?? '', element, {
            displayMode: element.classList.contains('pyodocs-math--display'),
            throwOnError: false,
            trust: false,
            output: 'htmlAndMathml',
          });
          element.dataset.typeset = '';
        }
      },
      (error: unknown) => {
        // The TeX source stays visible; say why in the console for the site owner.
        if (!cancelled) console.error('[pyodocs] could not load KaTeX for math output', error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [ref, html]);
}
