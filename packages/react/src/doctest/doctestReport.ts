import {DOCTEST_MIME, type DoctestReport} from '@pyodocs/runtime';

/** Reads a doctest report (the runtime's `DOCTEST_MIME` output of a doctest run) from a display bundle, if it carries one. */
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
