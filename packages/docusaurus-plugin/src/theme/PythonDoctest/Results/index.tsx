import type {ReactNode} from 'react';
import {PythonDoctestResults as DefaultResults} from '@pyodocs/react';
import type {Props} from '@theme/PythonDoctest/Results';

/** A doctest run's per-example verdicts, documented output beside the real one. Swizzle it to change how they look. */
export default function PythonDoctestResults(props: Props): ReactNode {
  return <DefaultResults {...props} />;
}
