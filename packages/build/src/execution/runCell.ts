import {
  DOCTEST_MIME,
  type DoctestReport,
  type PyodideClient,
  type PythonError,
  type RunOutcome,
} from '@pyodocs/runtime';
import type {CellExecutionStatus, ExecutableCell, ExecutedOutput} from './CellExecution.js';
import {runSource} from './executionCacheKey.js';

/** One run of a cell, judged. */
export interface CellRun {
  status: Exclude<CellExecutionStatus, 'skipped'>;
  outputs: ExecutedOutput[];
  error?: PythonError;
  durationMs: number;
  /**
   * The session is still what the cell left it: true when it ran to its end
   * (an expected exception, doctest mismatches included); false after an
   * exception, a timeout, packages that could not load, or a crash.
   */
  sessionIntact: boolean;
  /** Worth keeping in the cache: the same code would do the same again (not a timeout, a crash or a download). */
  cacheable: boolean;
}

/** Exceptions the worker raises when a run's packages cannot be loaded: about the network, not the code. */
const PACKAGE_PROBLEMS = new Set(['PackageDownloadError', 'PackageNotFoundError']);

/**
 * Runs one cell (a doctest block with `kind: 'doctest'`) and collects its
 * outputs. `input()` gets an empty answer: nobody is there to type one.
 */
export async function runCell(client: PyodideClient, cell: ExecutableCell, timeoutSeconds: number): Promise<CellRun> {
  const outputs: ExecutedOutput[] = [];
  let startedAt = Date.now();
  const source = runSource(cell);
  const handle = client.run(
    {
      code: source.code,
      kind: source.kind,
      session: cell.session,
      cellId: cell.id,
      packages: [...cell.packages],
      timeoutSeconds,
    },
    (event) => {
      switch (event.type) {
        case 'started':
          startedAt = Date.now();
          break;
        case 'stream': {
          const last = outputs.at(-1);
          if (last?.kind === 'stream' && last.name === event.name) last.text += event.text;
          else outputs.push({kind: 'stream', name: event.name, text: event.text});
          break;
        }
        case 'display':
        case 'result':
          outputs.push({kind: event.type, data: event.data, metadata: event.metadata});
          break;
        case 'error':
          outputs.push({kind: 'error', error: event.error});
          break;
        case 'input':
          event.reply('');
          break;
      }
    },
  );
  const outcome = await handle.done;
  return judgeRun(cell, outcome, outputs, Date.now() - startedAt);
}

function judgeRun(cell: ExecutableCell, outcome: RunOutcome, outputs: ExecutedOutput[], durationMs: number): CellRun {
  const expectsException = cell.tags.includes('raises-exception');
  switch (outcome.status) {
    case 'ok': {
      const mismatches = cell.kind === 'doctest' ? doctestFailure(outputs) : undefined;
      return mismatches
        ? {status: 'error', outputs, error: mismatches, durationMs, sessionIntact: true, cacheable: false}
        : {status: 'ok', outputs, durationMs, sessionIntact: true, cacheable: true};
    }
    case 'error': {
      const packageProblem = PACKAGE_PROBLEMS.has(outcome.error.ename);
      const expected = expectsException && !packageProblem;
      return {
        status: expected ? 'ok' : 'error',
        outputs,
        error: outcome.error,
        durationMs,
        sessionIntact: expected,
        cacheable: expected,
      };
    }
    case 'cancelled':
      if (outcome.reason === 'timeout') {
        // The KeyboardInterrupt the stop raised says where the cell was.
        const interrupted = outputs.findLast((output) => output.kind === 'error');
        const where =
          interrupted?.kind === 'error' ? interrupted.error.traceback.replace(/KeyboardInterrupt.*\n?$/, '') : '';
        const evalue = `the cell ran longer than its time limit of ${outcome.seconds} s and was stopped`;
        return {
          status: 'timeout',
          outputs,
          error: {ename: 'TimeoutError', evalue, traceback: `${where}TimeoutError: ${evalue}\n`},
          durationMs,
          sessionIntact: false,
          cacheable: false,
        };
      }
      return crashed(outputs, durationMs, `the run was cancelled (${outcome.reason})`);
    case 'failed':
      return crashed(outputs, durationMs, outcome.message);
  }
}

function crashed(outputs: ExecutedOutput[], durationMs: number, message: string): CellRun {
  return {
    status: 'error',
    outputs,
    error: {ename: 'WorkerCrashedError', evalue: message, traceback: `WorkerCrashedError: ${message}\n`},
    durationMs,
    sessionIntact: false,
    cacheable: false,
  };
}

/** The examples of a doctest report that did not match, as doctest itself reports them; undefined when all matched. */
function doctestFailure(outputs: readonly ExecutedOutput[]): PythonError | undefined {
  const report = doctestReport(outputs);
  if (report === undefined || report.failed === 0) return undefined;
  const failed = report.examples.filter((example) => example.status === 'mismatch');
  const indent = (text: string) => text.replace(/\n$/, '').replace(/^/gm, '    ');
  const blocks = failed.map(
    (example) =>
      `Failed example (line ${example.lineno + 1} of the block):\n${indent(example.source)}\n` +
      `Expected:\n${example.want === '' ? '    Nothing' : indent(example.want)}\n` +
      `Got:\n${example.got === '' ? '    Nothing' : indent(example.got)}\n`,
  );
  const evalue = `${report.failed} of ${report.attempted} examples failed`;
  return {ename: 'DoctestFailure', evalue, traceback: `${blocks.join('')}DoctestFailure: ${evalue}\n`};
}

/** The report a doctest run displays (DOCTEST_MIME). */
export function doctestReport(outputs: readonly ExecutedOutput[]): DoctestReport | undefined {
  for (const output of outputs) {
    if (output.kind === 'display' && output.data[DOCTEST_MIME] !== undefined) {
      return output.data[DOCTEST_MIME] as DoctestReport;
    }
  }
  return undefined;
}
