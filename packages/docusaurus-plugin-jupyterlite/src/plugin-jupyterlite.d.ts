/// <reference types="@docusaurus/module-type-aliases" />

// Theme components this plugin provides, for MDX authors and swizzlers.

declare module '@theme/JupyterLiteEmbed' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** Which JupyterLite app to embed (default 'repl'). */
    readonly app?: 'lab' | 'notebooks' | 'repl';
    /** Notebook or file to open (lab, notebooks), relative to the lite site's files. */
    readonly path?: string;
    readonly width?: string;
    readonly height?: string;
    /** Kernel name (default 'python'). */
    readonly kernel?: string;
    /** REPL: initial code; each entry runs as its own cell. */
    readonly code?: string | readonly string[];
    /** REPL: run the initial code (default true); false only fills the prompt. */
    readonly execute?: boolean;
    /** JupyterLab theme name, or 'auto' (default) to follow the site's colour mode. */
    readonly theme?: string;
    /** Show a click-to-load prompt so nothing loads until the reader asks (default true). */
    readonly prompt?: boolean;
    /** Text of the prompt button. */
    readonly promptLabel?: string;
    /** REPL: show the toolbar. */
    readonly toolbar?: boolean;
  }
  export default function JupyterLiteEmbed(props: Props): ReactNode;
}

declare module '@theme/OpenInJupyterLite' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** The page as notebook cells (markdown as written, code cells with their build-time code), from the page manifest. */
    readonly cells: ReadonlyArray<{type: 'markdown'; source: string} | {type: 'code'; id: string; code: string}>;
  }
  export default function OpenInJupyterLite(props: Props): ReactNode;
}
