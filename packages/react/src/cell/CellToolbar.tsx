import type {ReactNode} from 'react';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';

interface CellToolbarProps {
  labels: Readonly<PythonCellLabels>;
  /** Stop only makes sense while one of this cell's runs is queued or running. */
  canStop: boolean;
  /** Offer the Edit button (static code shown, editor not loading). */
  canEdit: boolean;
  /** Id of the keyboard help, which describes the Edit button. */
  hintId: string;
  onRun(): void;
  onStop(): void;
  onReset(): void;
  onEdit(): void;
  /** The status line, placed after the buttons. */
  status: ReactNode;
}

/** Run / Stop / Reset (real buttons, named by the labels: a DOM contract) and the optional Edit. */
export function CellToolbar({
  labels,
  canStop,
  canEdit,
  hintId,
  onRun,
  onStop,
  onReset,
  onEdit,
  status,
}: CellToolbarProps): ReactNode {
  return (
    <div className="pyodocs-toolbar">
      <button type="button" className="pyodocs-button pyodocs-button--run" onClick={onRun}>
        {labels.run}
      </button>
      <button type="button" className="pyodocs-button" onClick={onStop} disabled={!canStop}>
        {labels.stop}
      </button>
      <button type="button" className="pyodocs-button" onClick={onReset}>
        {labels.reset}
      </button>
      {canEdit && (
        <button
          type="button"
          className="pyodocs-button pyodocs-button--edit"
          onClick={onEdit}
          aria-describedby={hintId}
        >
          {labels.edit}
        </button>
      )}
      {status}
    </div>
  );
}
