/// <reference types="@docusaurus/module-type-aliases" />

// Theme components this plugin provides, for swizzlers and our own theme code.

declare module '@theme/PythonCell' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** Stable cell id (the `id=` fence option, or derived from the code). */
    readonly id: string;
    /** The Python source of the fence. */
    readonly code: string;
    /** Session (namespace) the cell runs in. */
    readonly session: string;
    /** The static, highlighted code block rendered by the site. */
    readonly children?: ReactNode;
  }
  export default function PythonCell(props: Props): ReactNode;
}

declare module '@theme-init/Root' {
  import type {ReactNode} from 'react';
  import type {Props} from '@theme/Root';

  export default function Root(props: Props): ReactNode;
}
