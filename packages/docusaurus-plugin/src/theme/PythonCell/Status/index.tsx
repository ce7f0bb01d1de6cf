import type {ReactNode} from 'react';
import {PythonCellStatus as DefaultStatus} from '@pyodocs/react';
import type {Props} from '@theme/PythonCell/Status';

/** The cell's status line (loading, running, package download, error), a polite live region. */
export default function PythonCellStatus(props: Props): ReactNode {
  return <DefaultStatus {...props} />;
}
