import {useCallback, useMemo, useState, type ReactNode} from 'react';
import {PythonCell} from '../cell/PythonCell.js';
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
}

/**
 * A documented doctest example with a "Try it" button. Clicking turns it in
 * place into a live cell holding the examples' source without prompts. Run
 * checks the examples with Python's own doctest (see `doctestHarness`) and
 * shows, per example, the documented and the real output, marked
 * `data-doctest-status="match" | "mismatch"`. Once the reader edits the
 * code, Run runs it as a normal cell.
 */
export function PythonDoctest({id, source, session, children}: PythonDoctestProps): ReactNode {
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
      current === code ? doctestHarnessCode(source, id, (examples ?? []).map((example) => example.source)) : current,
    [code, source, id, examples],
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
            Try it
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="pyodocs-doctest" data-pyodocs-doctest={id} data-mode="live">
      <PythonCell id={id} code={code} session={session} runCode={runCode} renderOutputs={renderDoctestOutputs} />
    </div>
  );
}

function renderDoctestOutputs(
  outputs: readonly CellOutput[],
  area: (outputs: readonly CellOutput[]) => ReactNode,
): ReactNode {
  let examples: DoctestExampleResult[] | undefined;
  const others = outputs.filter((output) => {
    const report = output.kind === 'display' ? readDoctestReport(output.data) : undefined;
    if (report) examples = report.examples;
    return !report;
  });
  return (
    <>
      {examples && <DoctestResults examples={examples} />}
      {area(others)}
    </>
  );
}

const STATUS_TEXT = {match: 'Matches the documented output', mismatch: 'Differs from the documented output', skipped: 'Skipped (+SKIP)'};

function DoctestResults({examples}: {examples: DoctestExampleResult[]}): ReactNode {
  return (
    <ol className="pyodocs-doctest-results" aria-label="Doctest results">
      {examples.map((example, index) => (
        <li key={index} className="pyodocs-doctest-example" data-doctest-status={example.status}>
          <pre className="pyodocs-doctest-source">{withPrompts(example.source)}</pre>
          <p className="pyodocs-doctest-verdict">
            <span aria-hidden="true">{example.status === 'match' ? '✓ ' : example.status === 'mismatch' ? '✗ ' : '– '}</span>
            {STATUS_TEXT[example.status]}
          </p>
          {example.status !== 'skipped' && (
            <div className="pyodocs-doctest-compare">
              <div>
                <span className="pyodocs-doctest-label">Documented</span>
                <pre className="pyodocs-doctest-want">{example.want}</pre>
              </div>
              <div>
                <span className="pyodocs-doctest-label">Got</span>
                <pre className="pyodocs-doctest-got">{example.got}</pre>
              </div>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function withPrompts(source: string): string {
  return source
    .replace(/\n$/, '')
    .split('\n')
    .map((line, index) => (index === 0 ? '>>> ' : '... ') + line)
    .join('\n');
}
