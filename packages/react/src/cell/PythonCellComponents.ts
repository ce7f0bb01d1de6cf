import type {ComponentType} from 'react';
import {type PythonCellOutputProps, PythonCellOutput} from '../output/PythonCellOutput.js';
import {type PythonCellCodeProps, PythonCellCode} from './PythonCellCode.js';
import {type PythonCellStatusProps, PythonCellStatus} from './PythonCellStatus.js';
import {type PythonCellToolbarProps, PythonCellToolbar} from './PythonCellToolbar.js';

/**
 * The parts a cell is composed of. Pass replacements through `PythonCell`'s
 * `components` (the Docusaurus theme passes its swizzlable `@theme/PythonCell/*`).
 */
export interface PythonCellComponents {
  /** Run / Stop / Reset / Edit, with the status line as its children. */
  Toolbar: ComponentType<PythonCellToolbarProps>;
  /** The static code, and the editor once the reader edits. */
  Code: ComponentType<PythonCellCodeProps>;
  /** The status line (loading, running, package download, error). */
  Status: ComponentType<PythonCellStatusProps>;
  /** The output area. */
  Output: ComponentType<PythonCellOutputProps>;
}

export const defaultPythonCellComponents: Readonly<PythonCellComponents> = Object.freeze({
  Toolbar: PythonCellToolbar,
  Code: PythonCellCode,
  Status: PythonCellStatus,
  Output: PythonCellOutput,
});

/** The default parts with the given replacements; a replacement left undefined keeps the default. */
export function resolvePythonCellComponents(
  replacements: Partial<PythonCellComponents> | undefined,
): Readonly<PythonCellComponents> {
  if (!replacements) return defaultPythonCellComponents;
  return {
    Toolbar: replacements.Toolbar ?? defaultPythonCellComponents.Toolbar,
    Code: replacements.Code ?? defaultPythonCellComponents.Code,
    Status: replacements.Status ?? defaultPythonCellComponents.Status,
    Output: replacements.Output ?? defaultPythonCellComponents.Output,
  };
}
