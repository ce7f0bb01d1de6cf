import {type MouseEvent, type ReactNode, useState} from 'react';
import {labelOf} from '../labels/labelOf.js';
import {englishEarlierEditLabels} from './earlierEditLabels.js';
import type {EarlierEditLabelKey, ReaderWorkLabels} from './ReaderWorkLabels.js';

/**
 * Shown above a cell whose documented code changed since the reader edited
 * it: the cell holds the new code; the reader's version can be looked at,
 * put back in its place, or discarded — one or the other, never merged.
 */
export function EarlierEditNotice({
  code,
  onRestore,
  onDiscard,
  labels,
}: {
  /** The reader's earlier version. */
  code: string;
  onRestore(): void;
  onDiscard(): void;
  labels: Readonly<ReaderWorkLabels>;
}): ReactNode {
  const [shown, setShown] = useState(false);
  // The cell's labels hold the site's translations; the English is this chunk's.
  const text = (key: EarlierEditLabelKey): string => labelOf(labels, key, englishEarlierEditLabels);
  // The notice goes with the click: focus moves to the code it was about, not to the page's start.
  const thenFocusCode = (action: () => void) => (event: MouseEvent<HTMLButtonElement>) => {
    const cell = event.currentTarget.closest('.pyodocs-cell');
    action();
    setTimeout(() => cell?.querySelector<HTMLElement>('.cm-content, .pyodocs-code pre')?.focus(), 0);
  };
  return (
    <div className="pyodocs-edit-notice" role="note" data-pyodocs-earlier-edit="">
      <p className="pyodocs-edit-notice__text">{text('docsChanged')}</p>
      <div className="pyodocs-edit-notice__actions">
        <button type="button" className="pyodocs-button" onClick={thenFocusCode(onRestore)}>
          {text('restoreEarlierEdit')}
        </button>
        <button type="button" className="pyodocs-button" onClick={thenFocusCode(onDiscard)}>
          {text('discardEarlierEdit')}
        </button>
      </div>
      <details className="pyodocs-edit-notice__earlier" onToggle={(event) => setShown(event.currentTarget.open)}>
        <summary>{text(shown ? 'hideEarlierEdit' : 'showEarlierEdit')}</summary>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users can scroll long code, like the site's code blocks. */}
        <pre className="pyodocs-static" tabIndex={0}>
          <code>{code}</code>
        </pre>
      </details>
    </div>
  );
}
