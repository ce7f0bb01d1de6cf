import type {CellExecution, ExecutableCell} from './CellExecution.js';
import {doctestReport} from './runCell.js';

/** Where and why a cell failed, for a build error or a check report. */
export interface CellFailure {
  /** 1-based line in the page's source: the cell's innermost traceback line, the doctest example that failed, else the block's start. */
  line: number | undefined;
  /** 1-based column (the block's for its start, else 1). */
  column: number | undefined;
  /** One line: `ZeroDivisionError: division by zero`, `DoctestFailure: 1 of 3 examples failed`, … */
  summary: string;
  /** The traceback (for a doctest, the examples that did not match). */
  traceback: string;
  /** What to do when the failure is expected. */
  hint: string | undefined;
}

/**
 * Describes a cell whose execution is `error` or `timeout`; undefined for
 * other statuses. `pageSource`, the page file's text, places lines exactly
 * (MyST cell options sit between a block's start and its code); without it
 * the code is taken to start on the line after the block's opening fence.
 */
export function describeCellFailure(
  cell: ExecutableCell,
  execution: CellExecution,
  pageSource?: string,
): CellFailure | undefined {
  if ((execution.status !== 'error' && execution.status !== 'timeout') || execution.error === undefined) {
    return undefined;
  }
  const {error} = execution;
  const summary = `${error.ename}${error.evalue === '' ? '' : `: ${error.evalue.split('\n')[0]}`}`;
  const start = cell.position;
  const codeStart = start === undefined ? undefined : codeStartLine(cell, start.line, pageSource);

  let lineInCode: number | undefined;
  if (cell.kind === 'doctest') {
    const report = doctestReport(execution.outputs);
    const example =
      report?.stoppedAt !== undefined
        ? report.examples[report.stoppedAt]
        : report?.examples.find((candidate) => candidate.status === 'mismatch');
    if (example !== undefined) lineInCode = example.lineno + 1;
  } else {
    lineInCode = innermostCellLine(error.traceback, cell.id);
  }
  const line = codeStart !== undefined && lineInCode !== undefined ? codeStart + lineInCode - 1 : start?.line;
  const column = codeStart !== undefined && lineInCode !== undefined ? 1 : start?.column;
  return {line, column, summary, traceback: error.traceback, hint: failureHint(cell, execution)};
}

function failureHint(cell: ExecutableCell, execution: CellExecution): string | undefined {
  if (execution.status === 'timeout') {
    return 'Give it more time with `timeout=SECONDS` in its fence meta, or leave it out of execution at build with `execute=off`.';
  }
  if (cell.kind === 'doctest' || execution.error?.ename === 'WorkerCrashedError') return undefined;
  if (execution.error?.ename === 'PackageDownloadError' || execution.error?.ename === 'PackageNotFoundError') {
    return undefined;
  }
  if (needsThePage(execution.error)) {
    return 'At build, cells run in Node: a site-relative URL has no page to resolve against, and open_url() (a synchronous XMLHttpRequest) does not exist there. Fetch the file by its full URL with pyfetch(), or leave the cell out of execution at build with `execute=off` (it still runs in the browser).';
  }
  return 'If the cell is meant to raise, mark it with the `raises-exception` flag in its fence meta (the `raises-exception` tag in a MyST notebook): it then passes and shows the error.';
}

/** An error of code that works only on a page: a relative URL fetched, or open_url()'s XMLHttpRequest. */
function needsThePage(error: {ename: string; evalue: string} | undefined): boolean {
  if (error === undefined) return false;
  return (
    (error.ename === 'JsException' && /Failed to parse URL from /.test(error.evalue)) ||
    (error.ename === 'NameError' && error.evalue.includes("'XMLHttpRequest'"))
  );
}

/** The last frame of the cell itself (`File "<cell ID>", line N`): the line deepest in its code. */
function innermostCellLine(traceback: string, cellId: string): number | undefined {
  const frame = new RegExp(`File "<cell ${escapeRegExp(cellId)}>", line (\\d+)`, 'g');
  let line: number | undefined;
  for (const match of traceback.matchAll(frame)) line = Number(match[1]);
  return line;
}

/** The 1-based line of the block's first line of code in the page. */
function codeStartLine(cell: ExecutableCell, blockLine: number, pageSource: string | undefined): number {
  const code = cell.kind === 'doctest' ? (cell.source ?? cell.code) : cell.code;
  const first = code.split('\n').find((line) => line.trim() !== '');
  if (pageSource !== undefined && first !== undefined) {
    const lines = pageSource.split(/\r?\n/);
    const leading = code.split('\n').findIndex((line) => line.trim() !== '');
    // Look past the opening fence and any cell options, not beyond the block.
    for (let index = blockLine; index < Math.min(lines.length, blockLine + 200); index += 1) {
      if (lines[index]?.trim() === first.trim()) return index + 1 - leading;
    }
  }
  return blockLine + 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
