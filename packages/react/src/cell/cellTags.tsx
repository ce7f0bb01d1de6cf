import type {ReactNode} from 'react';

/**
 * MyST cell tags a cell honours (from `{code-cell}` options, via the remark
 * plugin's `tags` attribute). Others are kept on `data-tags` and ignored.
 */
export interface CellTags {
  hideInput: boolean;
  hideOutput: boolean;
  hideCell: boolean;
  removeInput: boolean;
  removeOutput: boolean;
  /** Jupyter Book's `remove-cell`: nothing shown, but the cell runs when a cell below needs it. */
  removeCell: boolean;
  raisesException: boolean;
}

/** Reads which of the tags a cell acts on, e.g. `['hide-input', 'raises-exception']`. */
export function parseCellTags(tags: readonly string[] | undefined): CellTags {
  const set = new Set(tags);
  return {
    hideInput: set.has('hide-input'),
    hideOutput: set.has('hide-output'),
    hideCell: set.has('hide-cell'),
    removeInput: set.has('remove-input'),
    removeOutput: set.has('remove-output'),
    removeCell: set.has('remove-cell'),
    raisesException: set.has('raises-exception'),
  };
}

/** Collapsed-by-default `<details>` around `children` when `fold` is set (hide-input, hide-output, hide-cell). */
export function TagFold({
  fold,
  part,
  summary,
  children,
}: {
  fold: boolean;
  part: 'input' | 'output' | 'cell';
  summary: string;
  children: ReactNode;
}): ReactNode {
  if (!fold) return children;
  return (
    <details className="pyodocs-fold" data-pyodocs-fold={part}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
