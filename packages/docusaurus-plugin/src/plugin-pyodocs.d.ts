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
    /** Packages the cell declares (page front matter and fence meta), as written; loaded before it runs. */
    readonly packages?: readonly string[];
    /** MyST cell tags (from `{code-cell}` options), e.g. `['hide-input']`. */
    readonly tags?: readonly string[];
    /** Time limit of a run in seconds (the `timeout=` fence option); `0`: none. */
    readonly timeout?: number;
    /** The static, highlighted code block rendered by the site. */
    readonly children?: ReactNode;
  }
  export default function PythonCell(props: Props): ReactNode;
}

declare module '@theme/PythonDoctest' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** Stable id, unique on the page. */
    readonly id: string;
    /** The doctest block as documented (prompts and expected outputs). */
    readonly source: string;
    /** Session (namespace) the examples run in. */
    readonly session: string;
    /** The static, highlighted code block rendered by the site. */
    readonly children?: ReactNode;
  }
  export default function PythonDoctest(props: Props): ReactNode;
}

declare module '@theme-init/Root' {
  import type {ReactNode} from 'react';
  import type {Props} from '@theme/Root';

  export default function Root(props: Props): ReactNode;
}
