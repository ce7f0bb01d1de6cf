import type {ReactNode} from 'react';
import {PythonCellOutput as DefaultOutput} from '@pyodocs/react';
import type {Props} from '@theme/PythonCell/Output';

/** The cell's output area. Swizzle it to change how outputs look; keep `data-pyodocs-output` on its root (a DOM contract). */
export default function PythonCellOutput(props: Props): ReactNode {
  return <DefaultOutput {...props} />;
}
