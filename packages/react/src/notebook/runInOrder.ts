import type {PageCell, RunReason, SubmittedRun} from './pageCells.js';

/** How a sequence of runs went. */
export interface RunSequenceResult {
  /** Runs that ended without an unexpected failure. */
  completed: number;
  /** The cell whose failure stopped the sequence, if one did. */
  failedAt?: PageCell;
}

/**
 * Queues a run of each cell, in the given order, all at once (so no run
 * pressed meanwhile can slip between them), and cancels the rest when one
 * fails, as a notebook's "run all" stops at the first error. A cell tagged
 * `raises-exception` is expected to raise, so its error does not stop the
 * sequence. Cells that cannot run at all are left out.
 */
export function runInOrder(
  cells: readonly PageCell[],
  reasonOf: (cell: PageCell) => RunReason,
): Promise<RunSequenceResult> {
  const runs: Array<{cell: PageCell; run: SubmittedRun}> = [];
  for (const cell of cells) {
    const run = cell.submit(reasonOf(cell));
    if (run) runs.push({cell, run});
  }
  let failedAt: PageCell | undefined;
  let completed = 0;
  // Attached now, before any run can end: these handlers run before the
  // client starts the next queued run, so cancelling it always wins.
  const settled = runs.map(({cell, run}, index) =>
    run.done.then((outcome) => {
      if (failedAt) return;
      const expected = outcome.status === 'error' && cell.tags.includes('raises-exception');
      if (outcome.status === 'ok' || expected) {
        completed += 1;
        return;
      }
      failedAt = cell;
      const blockedBy = {
        hidden: cell.tags.includes('remove-cell'),
        error: outcome.status === 'error' ? outcome.error : undefined,
      };
      for (const later of runs.slice(index + 1)) later.run.cancelBecause(blockedBy);
    }),
  );
  return Promise.all(settled).then(() => (failedAt ? {completed, failedAt} : {completed}));
}
