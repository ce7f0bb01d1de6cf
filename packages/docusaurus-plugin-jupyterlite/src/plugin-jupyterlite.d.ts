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

  /** None: the button reads the page (its data file, the reader's code and outputs) itself. */
  export type Props = Record<string, never>;
  /** "Open in JupyterLite", one of the page's Python actions. */
  export default function OpenInJupyterLite(props: Props): ReactNode;
}

// The core plugin's page actions (@pyodocs/docusaurus-plugin), which this plugin wraps.
declare module '@theme-init/PythonPageActions' {
  import type {ReactNode} from 'react';

  export interface Props {
    readonly placement: 'toc' | 'toc-mobile' | 'footer' | 'blog-footer';
    readonly children?: ReactNode;
  }
  export default function PythonPageActions(props: Props): ReactNode;
}
