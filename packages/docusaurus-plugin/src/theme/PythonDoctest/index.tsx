import type {ReactNode} from 'react';
import {PythonDoctest as Doctest, type PythonDoctestComponents} from '@pyodocs/react';
import CodeBlock from '@theme/CodeBlock';
import Code from '@theme/PythonCell/Code';
import Output from '@theme/PythonCell/Output';
import Status from '@theme/PythonCell/Status';
import Toolbar from '@theme/PythonCell/Toolbar';
import {PageActionsHost} from '../../themeSupport/PageActionsPlaces.js';
import {SitePyodideProvider} from '../../themeSupport/SitePyodideProvider.js';
import {doctestLabelIds} from '../../themeSupport/doctestLabelIds.js';
import {useSiteTranslations} from '../../themeSupport/siteTranslations.js';
import {cellLabelIds, loadTranslatedRunLabels} from '../../themeSupport/translatedCellLabels.js';
import {usePrismCellStyle} from '../../themeSupport/usePrismCellStyle.js';
import type {Props} from '@theme/PythonDoctest';
import Results from '@theme/PythonDoctest/Results';

// The live cell looks like every other cell: the same (possibly swizzled) parts.
const components: PythonDoctestComponents = {Toolbar, Code, Status, Output, Results};
const labelIds = {...cellLabelIds, ...doctestLabelIds};

/**
 * A doctest example (```pycon or ```python starting with `>>> `) with a
 * "Try it" button. Our remark plugin emits one per doctest block, with the
 * original code block as children. Swizzle (`--wrap`) to add chrome, or
 * `PythonDoctest/Results` to change how the verdicts look.
 */
export default function PythonDoctest(props: Props): ReactNode {
  const labels = useSiteTranslations(labelIds);
  return (
    <SitePyodideProvider>
      {/* The page's first cell also renders the page actions, where the theme has a place for them. */}
      <PageActionsHost />
      <Doctest
        {...props}
        labels={labels}
        runLabels={loadTranslatedRunLabels}
        components={components}
        style={usePrismCellStyle()}
        // After Try it, the code without prompts, highlighted like every other code block (rendered only then).
        highlightedCode={<CodeBlock language="python">{props.code}</CodeBlock>}
      />
    </SitePyodideProvider>
  );
}
