import type {ReactNode} from 'react';
import {labelOf} from '../labels/labelOf.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {englishDoctestLabels} from './doctestLabels.js';
import type {DoctestExampleResult, DoctestReport} from '@pyodocs/runtime';

export interface PythonDoctestResultsProps {
  /** The runtime's report of the run: each example's documented and real output and verdict, and where it stopped. */
  report: DoctestReport;
  /** The cell's labels. */
  labels: Readonly<PythonCellLabels>;
}

/**
 * Each example with its verdict (`data-doctest-status="match" | "mismatch" |
 * "skipped"`) and, unless skipped, the documented output beside the real
 * one. A run that was stopped keeps the verdicts of the examples before the
 * interrupted one, which says "Stopped at example N" (`"stopped"`).
 */
export function PythonDoctestResults({report, labels}: PythonDoctestResultsProps): ReactNode {
  const {stoppedAt} = report;
  const finished = stoppedAt === undefined ? report.examples : report.examples.slice(0, stoppedAt);
  const interrupted = stoppedAt === undefined ? undefined : report.examples[stoppedAt];
  const stoppedLabel = labelOf(labels, 'doctestStoppedAt', englishDoctestLabels).replace(
    '{number}',
    String((stoppedAt ?? 0) + 1),
  );
  return (
    <ol className="pyodocs-doctest-results" aria-label={labels.doctestResults}>
      {finished.map((example, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one report's examples never reorder.
        <FinishedExample key={index} example={example} labels={labels} />
      ))}
      {stoppedAt === undefined ? null : (
        <li className="pyodocs-doctest-example" data-doctest-status="stopped">
          {interrupted && <pre className="pyodocs-doctest-source">{withPrompts(interrupted.source)}</pre>}
          <p className="pyodocs-doctest-verdict pyodocs-doctest-stopped">
            <span aria-hidden="true">■ </span>
            {stoppedLabel}
          </p>
        </li>
      )}
    </ol>
  );
}

function FinishedExample({
  example,
  labels,
}: {
  example: DoctestExampleResult;
  labels: Readonly<PythonCellLabels>;
}): ReactNode {
  const verdict = {match: labels.doctestMatch, mismatch: labels.doctestMismatch, skipped: labels.doctestSkipped};
  const mark = {match: '✓ ', mismatch: '✗ ', skipped: '– '};
  return (
    <li className="pyodocs-doctest-example" data-doctest-status={example.status}>
      <pre className="pyodocs-doctest-source">{withPrompts(example.source)}</pre>
      <p className="pyodocs-doctest-verdict">
        <span aria-hidden="true">{mark[example.status]}</span>
        {verdict[example.status]}
      </p>
      {example.status !== 'skipped' && (
        <div className="pyodocs-doctest-compare">
          <div>
            <span className="pyodocs-doctest-label">{labels.doctestDocumented}</span>
            <ExampleOutput className="pyodocs-doctest-want" text={example.want} none={labels.doctestNoOutput} />
          </div>
          <div>
            <span className="pyodocs-doctest-label">{labels.doctestGot}</span>
            <ExampleOutput className="pyodocs-doctest-got" text={example.got} none={labels.doctestNoOutput} />
          </div>
        </div>
      )}
    </li>
  );
}

/** An example's output; an example that prints nothing says so instead of showing an empty box. */
function ExampleOutput({className, text, none}: {className: string; text: string; none: string}): ReactNode {
  return (
    <pre className={className} data-empty={text === '' ? '' : undefined}>
      {text === '' ? <span className="pyodocs-doctest-none">{none}</span> : text}
    </pre>
  );
}

function withPrompts(source: string): string {
  return source
    .replace(/\n$/, '')
    .split('\n')
    .map((line, index) => (index === 0 ? '>>> ' : '... ') + line)
    .join('\n');
}
