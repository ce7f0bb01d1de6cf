import type {ReactNode} from 'react';
import {PythonDoctest as Doctest} from '@pyodocs/react';
import type {Props} from '@theme/PythonDoctest';

/**
 * A doctest example (```pycon or ```python starting with `>>> `) with a
 * "Try it" button. Our remark plugin emits one per doctest block, with the
 * original code block as children. Swizzle (`--wrap`) to add chrome.
 */
export default function PythonDoctest(props: Props): ReactNode {
  return <Doctest {...props} />;
}
