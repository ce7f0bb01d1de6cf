import {createContext, type ReactNode, useContext} from 'react';
import {labelOf} from '../labels/labelOf.js';
import {englishViewLabels} from '../labels/viewLabels.js';
import type {CellOutput} from '../output/CellOutput.js';
import {type PythonCellOutputProps, PythonCellOutput} from '../output/PythonCellOutput.js';
import type {PythonDoctestComponents} from './PythonDoctestComponents.js';
import {PythonDoctestResults} from './PythonDoctestResults.js';
import type {DoctestReport} from '@pyodocs/runtime';
import {readDoctestReport} from './doctestReport.js';

/** The doctest's own Output and Results parts, for the output slot it gives the cell. */
export const DoctestPartsContext = createContext<Pick<PythonDoctestComponents, 'Output' | 'Results'>>({
  Output: PythonCellOutput,
  Results: PythonDoctestResults,
});

/**
 * What a live doctest shows in the cell's output slot: the report of a
 * doctest run as per-example results, then everything else (prints of an
 * edited run, errors, notices) in the usual output area.
 */
export function DoctestOutputArea({outputs, origin, labels}: PythonCellOutputProps): ReactNode {
  const {Output, Results} = useContext(DoctestPartsContext);
  let report: DoctestReport | undefined;
  const others: CellOutput[] = [];
  for (const output of outputs) {
    const found = output.kind === 'display' ? readDoctestReport(output.data) : undefined;
    if (found) report = found;
    else others.push(output);
  }
  if (origin === 'build') {
    // The build's report, marked like the rest of the build's outputs.
    return (
      <div data-pyodocs-origin="build">
        {report && <p className="pyodocs-output-origin">{labelOf(labels, 'buildOutputs', englishViewLabels)}</p>}
        {report && <Results report={report} labels={labels} />}
        <Output outputs={others} origin={report ? undefined : origin} labels={labels} />
      </div>
    );
  }
  return (
    <>
      {report && <Results report={report} labels={labels} />}
      <Output outputs={others} labels={labels} />
    </>
  );
}
