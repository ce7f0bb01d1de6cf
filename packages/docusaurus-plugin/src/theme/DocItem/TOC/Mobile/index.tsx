import type {ReactNode} from 'react';
import InitialTOCMobile from '@theme-init/DocItem/TOC/Mobile';
import {PageActionsSlot} from '../../../../themeSupport/PageActionsSlot.js';

/** The collapsible table of contents of narrow screens, followed by the page's Python actions on pages with cells. */
export default function DocItemTOCMobile(props: object): ReactNode {
  return (
    <>
      <InitialTOCMobile {...props} />
      <PageActionsSlot placement="toc-mobile" />
    </>
  );
}
