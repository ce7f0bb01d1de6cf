import type {ReactNode} from 'react';
import InitialDocItemFooter from '@theme-init/DocItem/Footer';
import {PageActionsSlot} from '../../../themeSupport/PageActionsSlot.js';

/**
 * The doc's footer (tags, edit link), after the page's Python actions when
 * the page has cells but no table of contents to hold them.
 */
export default function DocItemFooter(props: object): ReactNode {
  return (
    <>
      <PageActionsSlot placement="footer" />
      <InitialDocItemFooter {...props} />
    </>
  );
}
