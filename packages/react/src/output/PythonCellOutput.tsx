import type {ReactNode} from 'react';
import {defaultPythonCellLabels, labelOf, type PythonCellLabels} from '../labels/PythonCellLabels.js';
import {AnsiText} from './AnsiText.js';
import type {CellOutput} from './CellOutput.js';
import {applyCarriageReturns} from './terminalText.js';
import {MimeBundleOutput} from './MimeBundleOutput.js';
import {TracebackOutput} from './TracebackOutput.js';

export interface PythonCellOutputProps {
  /** What the last run produced (streams, displays, the result, the error, the cell's notices), in arrival order. */
  outputs: readonly CellOutput[];
  /** `build`: the outputs were produced when the site was built, not by a run in this session (noted, and `data-pyodocs-origin="build"`). */
  origin?: 'build' | undefined;
  /** The cell's labels. */
  labels: Readonly<PythonCellLabels>;
}

/**
 * The output area: everything the last run produced, in arrival order, under
 * `data-pyodocs-output` (a DOM contract). Rich outputs go through the MIME
 * renderers (`PyodocsOutputRenderers` adds yours).
 */
export function PythonCellOutput({outputs, origin, labels}: PythonCellOutputProps): ReactNode {
  return (
    // Always rendered (empty between runs) so tests and scripts can rely on it;
    // named as a group only when there is something in it.
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label is only set together with role=group.
    <div
      className="pyodocs-output"
      data-pyodocs-output=""
      data-pyodocs-origin={origin}
      role={outputs.length > 0 ? 'group' : undefined}
      aria-label={outputs.length > 0 ? labels.output : undefined}
    >
      {origin === 'build' && outputs.length > 0 ? <BuildOutputsNote labels={labels} /> : null}
      {outputs.map((output, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: outputs only ever grow or are replaced wholesale, so the index is a stable key.
        <OutputBlock key={index} output={output} labels={labels} />
      ))}
    </div>
  );
}

function OutputBlock({output, labels}: {output: CellOutput; labels: Readonly<PythonCellLabels>}): ReactNode {
  switch (output.kind) {
    case 'stream':
      return (
        <pre className={`pyodocs-stream pyodocs-stream--${output.name}`} data-stream={output.name}>
          <AnsiText text={applyCarriageReturns(output.text)} />
        </pre>
      );
    case 'display':
      return (
        <div className="pyodocs-display" data-pyodocs-display="">
          <MimeBundleOutput
            data={output.data}
            metadata={output.metadata}
            urls={output.urls}
            unsupportedLabel={labels.unsupportedOutput}
          />
        </div>
      );
    case 'result':
      return (
        <div className="pyodocs-result" data-pyodocs-result="">
          <MimeBundleOutput
            data={output.data}
            metadata={output.metadata}
            urls={output.urls}
            unsupportedLabel={labels.unsupportedOutput}
          />
        </div>
      );
    case 'error':
      return (
        <TracebackOutput
          error={output.error}
          detailsLabel={labels.errorDetails ?? defaultPythonCellLabels.errorDetails}
        />
      );
    case 'notice':
      return <p className={`pyodocs-notice pyodocs-notice--${output.tone}`}>{output.text}</p>;
  }
}

/** Says the outputs below are the build's: the reader's Run replaces them. */
function BuildOutputsNote({labels}: {labels: Readonly<PythonCellLabels>}): ReactNode {
  return <p className="pyodocs-output-origin">{labelOf(labels, 'buildOutputs')}</p>;
}
