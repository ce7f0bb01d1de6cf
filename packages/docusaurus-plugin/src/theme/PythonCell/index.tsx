import type {ReactNode} from 'react';
import {PythonCell as Cell, type PythonCellComponents, type PythonCellLabels} from '@pyodocs/react';
import {PageActionsHost} from '../../themeSupport/PageActionsPlaces.js';
import {SitePyodideProvider} from '../../themeSupport/SitePyodideProvider.js';
import {staticChildCode} from '../../themeSupport/staticChildCode.js';
import {useSiteLabels} from '../../themeSupport/siteTranslations.js';
import {usePrismCellStyle} from '../../themeSupport/usePrismCellStyle.js';
import type {Props} from '@theme/PythonCell';
import Code from '@theme/PythonCell/Code';
import Output from '@theme/PythonCell/Output';
import Status from '@theme/PythonCell/Status';
import Toolbar from '@theme/PythonCell/Toolbar';

// Through @theme/ so that a swizzled part replaces the default in every cell.
// Module-level: the same component identities on every render.
const components: PythonCellComponents = {Toolbar, Code, Status, Output};

/**
 * A live Python cell. Our remark plugin emits one per runnable fence, with
 * the original code block as children (so the static HTML has highlighted
 * code), the page's behaviour overrides and, when the site executes its
 * cells at build, their outputs. The code is the static block's when the
 * element does not repeat it (the usual case). The editor takes its colours from the
 * site's Prism theme, like the static block. Swizzle this component (`--wrap`) to add
 * chrome around every cell, or one of its parts (`PythonCell/Toolbar`,
 * `/Code`, `/Status`, `/Output`).
 */
export default function PythonCell(props: Props): ReactNode {
  const labels = useSiteLabels<PythonCellLabels>('pyodocs.cell.');
  return (
    <SitePyodideProvider>
      {/* The page's first cell also renders the page actions, where the theme has a place for them. */}
      <PageActionsHost />
      <Cell
        {...props}
        code={props.code ?? staticChildCode(props.children)}
        labels={labels}
        components={components}
        style={usePrismCellStyle()}
      />
    </SitePyodideProvider>
  );
}
