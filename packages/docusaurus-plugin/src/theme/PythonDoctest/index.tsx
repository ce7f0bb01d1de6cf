import {type ReactNode, useMemo} from 'react';
import {PythonDoctest as Doctest, type PythonCellLabels, type PythonDoctestComponents} from '@pyodocs/react';
import CodeBlock from '@theme/CodeBlock';
import Code from '@theme/PythonCell/Code';
import Output from '@theme/PythonCell/Output';
import Status from '@theme/PythonCell/Status';
import Toolbar from '@theme/PythonCell/Toolbar';
import {PageActionsHost} from '../../themeSupport/PageActionsPlaces.js';
import {SitePyodideProvider} from '../../themeSupport/SitePyodideProvider.js';
import {doctestLabelIds} from '../../themeSupport/doctestLabelIds.js';
import {useSiteLabels, useSiteTranslations} from '../../themeSupport/siteTranslations.js';
import {usePrismCellStyle} from '../../themeSupport/usePrismCellStyle.js';
import type {Props} from '@theme/PythonDoctest';
import Results from '@theme/PythonDoctest/Results';

// The live cell looks like every other cell: the same (possibly swizzled) parts.
const components: PythonDoctestComponents = {Toolbar, Code, Status, Output, Results};

/**
 * A doctest example (```pycon or ```python starting with `>>> `) with a
 * "Try it" button. Our remark plugin emits one per doctest block, with the
 * original code block as children. Swizzle (`--wrap`) to add chrome, or
 * `PythonDoctest/Results` to change how the verdicts look.
 */
export default function PythonDoctest(props: Props): ReactNode {
  const cellLabels = useSiteLabels<PythonCellLabels>('pyodocs.cell.');
  const doctestLabels = useSiteTranslations(doctestLabelIds);
  const labels = useMemo(() => ({...cellLabels, ...doctestLabels}), [cellLabels, doctestLabels]);
  return (
    <SitePyodideProvider>
      {/* The page's first cell also renders the page actions, where the theme has a place for them. */}
      <PageActionsHost />
      <Doctest
        {...props}
        labels={labels}
        components={components}
        style={usePrismCellStyle()}
        // After Try it, the code without prompts, highlighted like every other code block (rendered only then).
        highlightedCode={<CodeBlock language="python">{props.code}</CodeBlock>}
      />
    </SitePyodideProvider>
  );
}
