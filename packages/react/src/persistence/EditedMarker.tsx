import type {ReactNode} from 'react';
import type {ReaderWorkLabels} from './ReaderWorkLabels.js';

/**
 * The quiet line under the code saying it is the reader's version. Below
 * the code, not above, so the editor does not move when the first keystroke
 * makes it appear.
 */
export function EditedMarker({labels}: {labels: Readonly<ReaderWorkLabels>}): ReactNode {
  return (
    <p className="pyodocs-edit-marker" data-pyodocs-edited="" title={labels.editedMarkerHint}>
      {labels.editedMarker}
      <span className="pyodocs-visually-hidden">. {labels.editedMarkerHint}</span>
    </p>
  );
}
