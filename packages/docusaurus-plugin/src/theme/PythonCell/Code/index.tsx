import type {ReactNode} from 'react';
import {PythonCellCode as DefaultCode} from '@pyodocs/react';
import type {Props} from '@theme/PythonCell/Code';

/** The cell's code: the site's static block, then the editor in its place. Wrap it to add chrome; ejecting means keeping the editor host (`editorHostRef`) and the edit hint. */
export default function PythonCellCode(props: Props): ReactNode {
  return <DefaultCode {...props} />;
}
