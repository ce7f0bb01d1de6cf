import {type ReactNode, useEffect, useRef, useState} from 'react';
import {copyText} from './copyText.js';
import type {ReaderWorkLabels} from './ReaderWorkLabels.js';

/** How long "Copied" stays. */
const CONFIRMATION_MS = 2000;
/** Between adding the live region and filling it: screen readers announce changes only in regions they already know. */
const ANNOUNCE_DELAY_MS = 100;

type CopyResult = {outcome: 'copied' | 'failed'; attempt: number};

/**
 * Copies the code the cell holds now (the reader's version if edited). The
 * result shows for a moment beside the button, in a polite live region, so
 * screen readers hear it without the button's name changing. The region is
 * added on first use: a page of hundreds of cells renders one button each.
 */
export function CopyCodeButton({
  getCode,
  labels,
}: {
  getCode: () => string;
  labels: Readonly<ReaderWorkLabels>;
}): ReactNode {
  // null: never used (no region); undefined: region present, empty.
  const [result, setResult] = useState<CopyResult | undefined | null>(null);
  const attempts = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const show = (next: CopyResult | undefined, after: number, then?: () => void) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setResult(next);
      then?.();
    }, after);
  };

  const copy = () => {
    const attempt = ++attempts.current;
    copyText(getCode()).then((copied) => {
      if (attempt !== attempts.current) return;
      setResult((current) => (current === null ? undefined : current));
      // `attempt` makes each result a new node, so copying twice is announced twice.
      show({outcome: copied ? 'copied' : 'failed', attempt}, ANNOUNCE_DELAY_MS, () => show(undefined, CONFIRMATION_MS));
    });
  };

  return (
    <>
      <button type="button" className="pyodocs-button pyodocs-button--copy" onClick={copy}>
        {labels.copy}
      </button>
      {result !== null && (
        <span className="pyodocs-copy-result" aria-live="polite">
          {result && (
            <span key={result.attempt} data-copy-result={result.outcome}>
              {result.outcome === 'copied' ? labels.copied : labels.copyFailed}
            </span>
          )}
        </span>
      )}
    </>
  );
}
