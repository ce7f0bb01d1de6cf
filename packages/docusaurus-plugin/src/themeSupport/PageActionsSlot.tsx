import {lazy, type ReactNode, Suspense} from 'react';
import {usePageCellCount} from '@pyodocs/react';
import type {Props} from '@theme/PythonPageActions';

// A chunk of its own, fetched once a cell has mounted: the doc and blog
// layouts render this slot on every page, pages without cells never load
// the actions (issue 13).
const PythonPageActions = lazy(() => import('@theme/PythonPageActions'));

/** The page's Python actions (the @theme/PythonPageActions chain, other plugins' wrappers included), on pages with cells. */
export function PageActionsSlot(props: Props): ReactNode {
  if (usePageCellCount() === 0) return null;
  return (
    <Suspense fallback={null}>
      <PythonPageActions {...props} />
    </Suspense>
  );
}
