import type {CheckReport, PageReport} from './CheckReport.js';

const LABELS = {passed: 'PASS', failed: 'FAIL', skipped: 'SKIP'} as const;

/**
 * The report a person reads: one line per page with cells (pages without
 * any are only counted), under a failed page one `file:line:col: what` line
 * per failure (the exception's last traceback line, the doctest verdict, or
 * the authoring problem), lint warnings, then the totals.
 */
export function formatCheckReport(report: CheckReport): string {
  const lines: string[] = [];
  const hints = new Set<string>();
  for (const page of report.pages) {
    if (page.status !== 'no-cells') lines.push(`${LABELS[page.status]}  ${page.path}${pageDetail(page)}`);
    for (const problem of page.problems) {
      lines.push(
        `      ${place(page.path, problem.line, problem.column)}: ${problem.message}${problem.ruleId ? ` [${problem.ruleId}]` : ''}`,
      );
    }
    for (const cell of page.cells) {
      if (cell.failure === undefined) continue;
      lines.push(`      ${place(page.path, cell.failure.line, cell.failure.column)}: ${cell.failure.summary}`);
      if (cell.failure.hint) hints.add(cell.failure.hint);
    }
    for (const item of page.unknownImports) {
      lines.push(
        `WARN  ${place(page.path, item.line, undefined)}: no package source provides the import '${item.module}'`,
      );
    }
  }
  for (const problem of report.packageProblems) lines.push(`WARN  package ${problem.name}: ${problem.reason}`);
  for (const hint of hints) lines.push(`Hint: ${hint}`);

  const {pages, cells} = report.summary;
  const total = pages.passed + pages.failed + pages.skipped + pages['no-cells'];
  const shard = report.shard ? ` (shard ${report.shard.index}/${report.shard.count})` : '';
  lines.push(
    `${total} page${total === 1 ? '' : 's'}${shard}: ${pages.passed} passed, ${pages.failed} failed, ${pages.skipped} skipped, ${pages['no-cells']} without cells. ` +
      `Cells: ${cells.executed} executed, ${cells.cached} from the cache` +
      (cells.replayed > 0 ? ` (${cells.replayed} run again for their session's state)` : '') +
      `, ${cells.skipped} skipped, ${cells.failed} failed.`,
  );
  return lines.join('\n');
}

function pageDetail(page: PageReport): string {
  const count = page.cells.length;
  const parts = [`${count} cell${count === 1 ? '' : 's'}`];
  if (page.stats.cached > 0) parts.push(`${page.stats.cached} from the cache`);
  if (page.status === 'skipped') {
    const reasons = new Set(page.cells.map((cell) => cell.reason));
    parts.push(`skipped: ${Array.from(reasons).join('; ')}`);
  } else if (page.stats.skipped > 0) {
    parts.push(`${page.stats.skipped} skipped`);
  }
  return ` (${parts.join(', ')})`;
}

function place(path: string, line: number | undefined, column: number | undefined): string {
  return [path, line, column].filter((part) => part !== undefined).join(':');
}
