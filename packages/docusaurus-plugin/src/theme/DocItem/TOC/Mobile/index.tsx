import type {ReactNode} from 'react';
import InitialTOCMobile from '@theme-init/DocItem/TOC/Mobile';
import PythonPageActions from '@theme/PythonPageActions';

/** The collapsible table of contents of narrow screens, followed by the page's Python actions on pages with cells. */
export default function DocItemTOCMobile(props: object): ReactNode {
  return (
    <>
      <InitialTOCMobile {...props} />
      <PythonPageActions placement="toc-mobile" />
    </>
  );
}
