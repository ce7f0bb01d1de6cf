import {type ReactNode, Suspense} from 'react';
import {labelOf} from '../labels/labelOf.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {englishViewLabels} from '../labels/viewLabels.js';
import type {CellOutput} from './CellOutput.js';
// A chunk of its own in the browser, the module itself on a server (package.json `imports`).
import {OutputBlocks} from '#outputBlocks';
import {RendererErrorBoundary} from './RendererErrorBoundary.js';

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
      {outputs.length > 0 ? (
        // If their chunk cannot be had (offline), the outputs as plain text.
        <RendererErrorBoundary fallback={<PlainOutputs outputs={outputs} />}>
          {/* Hydration keeps the server's outputs until their chunk has arrived. */}
          <Suspense fallback={null}>
            <OutputBlocks outputs={outputs} labels={labels} />
          </Suspense>
        </RendererErrorBoundary>
      ) : null}
    </div>
  );
}

/** Says the outputs below are the build's: the reader's Run replaces them. */
function BuildOutputsNote({labels}: {labels: Readonly<PythonCellLabels>}): ReactNode {
  return <p className="pyodocs-output-origin">{labelOf(labels, 'buildOutputs', englishViewLabels)}</p>;
}

function PlainOutputs({outputs}: {outputs: readonly CellOutput[]}): ReactNode {
  return <pre className="pyodocs-stream">{outputs.map(plainText).join('')}</pre>;
}

function plainText(output: CellOutput): string {
  switch (output.kind) {
    case 'stream':
      return output.text;
    case 'display':
    case 'result':
      return `${String(output.data['text/plain'] ?? '')}\n`;
    case 'error':
      return `${output.error.ename}: ${output.error.evalue}\n`;
    case 'notice':
      return `${output.text}\n`;
  }
}
