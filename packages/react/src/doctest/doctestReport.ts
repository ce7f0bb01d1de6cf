/** MIME type of the report the runtime displays for a doctest run (contract C5). */
export const DOCTEST_MIME = 'application/vnd.pyodocs.doctest+json';

/** One example's outcome, as CPython's DocTestRunner judged it. */
export interface DoctestExampleResult {
  /** 0-based line of the example's `>>>` in the block. */
  lineno: number;
  /** The example's source, without prompts. */
  source: string;
  /** The documented output. */
  want: string;
  /** What the example printed (with the traceback for exceptions). */
  got: string;
  status: 'match' | 'mismatch' | 'skipped';
}

/** The report of one doctest run. */
export interface DoctestReport {
  /** The examples that ran or were skipped, in order; when stopped, those before `stoppedAt` (and possibly that one). */
  examples: DoctestExampleResult[];
  attempted: number;
  failed: number;
  /** Index of the example a stop or time limit interrupted; examples after it did not run. */
  stoppedAt?: number;
}

/** Reads a doctest report from a display bundle, if it carries one. */
export function readDoctestReport(data: Record<string, unknown>): DoctestReport | undefined {
  const report = data[DOCTEST_MIME];
  if (typeof report !== 'object' || report === null) return undefined;
  const {examples, stoppedAt} = report as {examples?: unknown; stoppedAt?: unknown};
  if (!Array.isArray(examples)) return undefined;
  if (stoppedAt !== undefined && (typeof stoppedAt !== 'number' || !Number.isInteger(stoppedAt) || stoppedAt < 0)) {
    return undefined;
  }
  return report as DoctestReport;
}
