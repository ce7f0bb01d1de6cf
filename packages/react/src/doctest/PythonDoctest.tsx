import {useCallback, useMemo, useState, type ReactNode} from 'react';
import {PythonCell} from '../cell/PythonCell.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {usePythonCellLabels} from '../labels/PythonCellLabelsContext.js';
import type {CellOutput} from '../output/CellOutput.js';
import {doctestHarnessCode, readDoctestReport, type DoctestExampleResult} from './doctestHarness.js';
import {doctestSourceCode, parseDoctest} from './parseDoctest.js';

export interface PythonDoctestProps {
  /** Stable id, unique on the page; the live cell gets the same id. */
  id: string;
  /** The doctest block exactly as documented (prompts and expected outputs). */
  source: string;
  /** Session the examples run in (the page's, like its cells). */
  session: string;
  /** The site's static rendering of the block. */
  children?: ReactNode;
  /** Overrides of the site-wide labels, for the button, the results and the live cell. */
  labels?: Partial<PythonCellLabels>;
}

/**
 * A documented doctest example with a "Try it" button. Clicking turns it in
 * place into a live cell holding the examples' source without prompts. Run
 * checks the examples with Python's own doctest (see `doctestHarness`) and
 * shows, per example, the documented and the real output, marked
 * `data-doctest-status="match" | "mismatch"`. Once the reader edits the
 * code, Run runs it as a normal cell.
 */
export function PythonDoctest({id, source, session, children, labels: labelOverrides}: PythonDoctestProps): ReactNode {
  const labels = usePythonCellLabels(labelOverrides);
  const [live, setLive] = useState(false);
  const examples = useMemo(() => {
    try {
      return parseDoctest(source);
    } catch {
      return undefined; // not valid doctest: stays a static example
    }
  }, [source]);
  const code = examples && doctestSourceCode(examples);
  const runCode = useCallback(
    (current: string) =>
      current === code
        ? doctestHarnessCode(
            source,
            id,
            (examples ?? []).map((example) => example.source),
          )
        : current,
    [code, source, id, examples],
  );
  const renderOutputs = useCallback(
    (outputs: readonly CellOutput[], area: (outputs: readonly CellOutput[]) => ReactNode) =>
      renderDoctestOutputs(outputs, area, labels),
    [labels],
  );

  if (!live || code === undefined) {
    return (
      <div className="pyodocs-doctest" data-pyodocs-doctest={id} data-mode="static">
        {children ?? (
          <pre>
            <code>{source}</code>
          </pre>
        )}
        {code !== undefined && (
          <button type="button" className="pyodocs-button pyodocs-doctest-try" onClick={() => setLive(true)}>
            {labels.tryIt}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="pyodocs-doctest" data-pyodocs-doctest={id} data-mode="live">
      <PythonCell
        id={id}
        code={code}
        session={session}
        runCode={runCode}
        renderOutputs={renderOutputs}
        {...(labelOverrides ? {labels: labelOverrides} : {})}
      />
    </div>
  );
}

function renderDoctestOutputs(
  outputs: readonly CellOutput[],
  area: (outputs: readonly CellOutput[]) => ReactNode,
  labels: Readonly<PythonCellLabels>,
): ReactNode {
  let examples: DoctestExampleResult[] | undefined;
  const others = outputs.filter((output) => {
    const report = output.kind === 'display' ? readDoctestReport(output.data) : undefined;
    if (report) examples = report.examples;
    return !report;
  });
  return (
    <>
      {examples && <DoctestResults examples={examples} labels={labels} />}
      {area(others)}
    </>
  );
}

function DoctestResults({
  examples,
  labels,
}: {
  examples: DoctestExampleResult[];
  labels: Readonly<PythonCellLabels>;
}): ReactNode {
  const verdict = {match: labels.doctestMatch, mismatch: labels.doctestMismatch, skipped: labels.doctestSkipped};
  return (
    <ol className="pyodocs-doctest-results" aria-label={labels.doctestResults}>
      {examples.map((example, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one report's examples never reorder.
        <li key={index} className="pyodocs-doctest-example" data-doctest-status={example.status}>
          <pre className="pyodocs-doctest-source">{withPrompts(example.source)}</pre>
          <p className="pyodocs-doctest-verdict">
            <span aria-hidden="true">
              {example.status === 'match' ? '✓ ' : example.status === 'mismatch' ? '✗ ' : '– '}
            </span>
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
      ))}
    </ol>
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
