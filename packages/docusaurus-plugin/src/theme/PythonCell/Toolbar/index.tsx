import type {ReactNode} from 'react';
import {PythonCellToolbar as DefaultToolbar} from '@pyodocs/react';
import type {Props} from '@theme/PythonCell/Toolbar';

/** Run / Stop / Reset / Edit, then the status line it gets as children. Swizzle (`--wrap`) to add buttons; keep the Run / Stop / Reset buttons (their names are a DOM contract). */
export default function PythonCellToolbar(props: Props): ReactNode {
  return <DefaultToolbar {...props} />;
}
