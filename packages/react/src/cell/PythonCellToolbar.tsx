import {type ReactNode, useContext} from 'react';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {CopyCodeButton} from '../persistence/CopyCodeButton.js';
import {PythonCellContext} from './PythonCellContext.js';

export interface PythonCellToolbarProps {
  /** The cell's labels (site-wide, then the cell's overrides); the buttons' names come from `run`, `stop`, `reset`, `edit`. */
  labels: Readonly<PythonCellLabels>;
  /** One of this cell's runs is queued or running, so Stop can act. */
  canStop: boolean;
  /** The static code is shown and can become an editor: offer the Edit button. */
  canEdit: boolean;
  /** Id of the element describing how to edit (the Edit button's `aria-describedby`). */
  editHintId: string;
  /** Queues a run of the code the cell holds now. */
  onRun(): void;
  /** Cancels this cell's queued runs and interrupts its running one. */
  onStop(): void;
  /** Drops this cell's runs and outputs and puts the original code back. */
  onReset(): void;
  /** Turns the static code into the editor, focused. */
  onEdit(): void;
  /** The code the cell holds now, for Copy. Default: the enclosing cell's (`usePythonCell().getCode`); without either, no Copy button. */
  getCode?: (() => string) | undefined;
  /** The status line, placed after the buttons. */
  children?: ReactNode;
}

/**
 * Run / Stop / Reset (real buttons whose accessible names come from the
 * labels: a DOM contract end-to-end tests rely on), the optional Edit, Copy,
 * then the status line.
 */
export function PythonCellToolbar({
  labels,
  canStop,
  canEdit,
  editHintId,
  onRun,
  onStop,
  onReset,
  onEdit,
  getCode,
  children,
}: PythonCellToolbarProps): ReactNode {
  const cell = useContext(PythonCellContext);
  const getCurrentCode = getCode ?? cell?.getCode;
  return (
    <div className="pyodocs-toolbar">
      <button type="button" className="pyodocs-button pyodocs-button--run" onClick={() => onRun()}>
        {labels.run}
      </button>
      <button
        type="button"
        className="pyodocs-button pyodocs-button--stop"
        // aria-disabled, not disabled: a run that ends while Stop has focus
        // must not drop keyboard focus to the top of the page.
        onClick={() => {
          if (canStop) onStop();
        }}
        aria-disabled={!canStop}
      >
        {labels.stop}
      </button>
      <button type="button" className="pyodocs-button pyodocs-button--reset" onClick={() => onReset()}>
        {labels.reset}
      </button>
      {canEdit && (
        <button
          type="button"
          className="pyodocs-button pyodocs-button--edit"
          onClick={() => onEdit()}
          aria-describedby={editHintId}
        >
          {labels.edit}
        </button>
      )}
      {getCurrentCode && <CopyCodeButton getCode={getCurrentCode} labels={labels} />}
      {children}
    </div>
  );
}
