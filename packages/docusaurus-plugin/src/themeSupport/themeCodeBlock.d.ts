// @theme/CodeBlock is the site's theme's (theme-classic's, or a theme that
// replaces it); this plugin does not depend on theme-classic for its types,
// so the part it uses is declared here.
declare module '@theme/CodeBlock' {
  import type {ReactNode} from 'react';

  export interface Props {
    readonly children: string;
    readonly language?: string;
    readonly title?: ReactNode;
    readonly showLineNumbers?: boolean | number;
  }
  export default function CodeBlock(props: Props): ReactNode;
}
