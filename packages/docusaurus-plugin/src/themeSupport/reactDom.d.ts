// react-dom is a peer dependency the theme uses for one function; its part
// is declared here rather than adding @types/react-dom for it.
declare module 'react-dom' {
  import type {ReactNode, ReactPortal} from 'react';

  export function createPortal(
    children: ReactNode,
    container: Element | DocumentFragment,
    key?: string | null,
  ): ReactPortal;
}
