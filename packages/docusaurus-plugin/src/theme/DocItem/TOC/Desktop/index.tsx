import type {ReactNode} from 'react';
import {usePythonPage} from '@pyodocs/react';
// @theme-init: the component this one wraps (the classic theme's), so a
// site's own swizzled wrapper (@theme-original) still gets the actions.
import InitialTOCDesktop from '@theme-init/DocItem/TOC/Desktop';
import PythonPageActions from '@theme/PythonPageActions';
import styles from './styles.module.css';

/**
 * The table of contents on wide screens, with the page's Python actions at
 * its top on pages with cells: one sticky column, so the actions stay in
 * reach while reading. Pages without cells get the table of contents alone.
 */
export default function DocItemTOCDesktop(props: object): ReactNode {
  const {cellCount} = usePythonPage();
  if (cellCount === 0) return <InitialTOCDesktop {...props} />;
  return (
    <div className={styles.tocWithActions}>
      <PythonPageActions placement="toc" />
      <InitialTOCDesktop {...props} />
    </div>
  );
}
