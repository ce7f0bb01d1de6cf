import type {ReactNode} from 'react';
import {usePageCellCount} from '@pyodocs/react';
// @theme-init: the component this one wraps (the classic theme's), so a
// site's own swizzled wrapper (@theme-original) still gets the actions.
import InitialTOCDesktop from '@theme-init/DocItem/TOC/Desktop';
import {PageActionsSlot} from '../../../../themeSupport/PageActionsSlot.js';
import styles from './styles.module.css';

/**
 * The table of contents on wide screens, with the page's Python actions at
 * its top on pages with cells: one sticky column, so the actions stay in
 * reach while reading. Pages without cells get the table of contents alone
 * (and load no page actions code).
 */
export default function DocItemTOCDesktop(props: object): ReactNode {
  if (usePageCellCount() === 0) return <InitialTOCDesktop {...props} />;
  return (
    <div className={styles.tocWithActions}>
      <PageActionsSlot placement="toc" />
      <InitialTOCDesktop {...props} />
    </div>
  );
}
