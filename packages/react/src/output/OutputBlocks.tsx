import type {ReactNode} from 'react';
import {labelOf} from '../labels/labelOf.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {AnsiText} from './AnsiText.js';
import type {CellOutput} from './CellOutput.js';
import {MimeBundleOutput} from './MimeBundleOutput.js';
import {englishOutputLabels} from './outputLabels.js';
import {applyCarriageReturns} from './terminalText.js';
import {TracebackOutput} from './TracebackOutput.js';

/**
 * The outputs of a run, in arrival order: a chunk of its own (the MIME
 * renderers, the traceback, ANSI colours), loaded by the first cell that has
 * outputs to show (the build's, or a run's: the run code loads it too).
 */
export function OutputBlocks({
  outputs,
  labels,
}: {
  outputs: readonly CellOutput[];
  labels: Readonly<PythonCellLabels>;
}): ReactNode {
  return outputs.map((output, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: outputs only ever grow or are replaced wholesale, so the index is a stable key.
    <OutputBlock key={index} output={output} labels={labels} />
  ));
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
    case 'result': {
      const bundle = (
        <MimeBundleOutput
          data={output.data}
          metadata={output.metadata}
          urls={output.urls}
          unsupportedLabel={labelOf(labels, 'unsupportedOutput', englishOutputLabels)}
        />
      );
      return output.kind === 'display' ? (
        <div className="pyodocs-display" data-pyodocs-display="">
          {bundle}
        </div>
      ) : (
        <div className="pyodocs-result" data-pyodocs-result="">
          {bundle}
        </div>
      );
    }
    case 'error':
      return (
        <TracebackOutput error={output.error} detailsLabel={labelOf(labels, 'errorDetails', englishOutputLabels)} />
      );
    case 'notice':
      return <p className={`pyodocs-notice pyodocs-notice--${output.tone}`}>{output.text}</p>;
  }
}
