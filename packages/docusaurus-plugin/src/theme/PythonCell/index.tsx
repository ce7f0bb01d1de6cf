import type {ReactNode} from 'react';
import {PythonCell as Cell} from '@pyodocs/react';
import type {Props} from '@theme/PythonCell';

/**
 * A live Python cell. Our remark plugin emits one per runnable fence, with the
 * original code block as children (so the static HTML has highlighted code).
 * Swizzle this component (`--wrap`) to add chrome around every cell.
 */
export default function PythonCell(props: Props): ReactNode {
  return <Cell {...props} />;
}
