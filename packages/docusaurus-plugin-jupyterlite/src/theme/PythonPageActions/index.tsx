import type {ReactNode} from 'react';
import {usePluginData} from '@docusaurus/useGlobalData';
import OpenInJupyterLite from '@theme/OpenInJupyterLite';
// @theme-init: the core plugin's page actions, which this wraps to add its
// button (list this plugin after @pyodocs/docusaurus-plugin).
import InitialPythonPageActions, {type Props} from '@theme-init/PythonPageActions';

interface JupyterLiteGlobalData {
  /** The plugin's `openInJupyterLite` option (absent: on). */
  openInJupyterLite?: boolean;
}

/** The page's Python actions, with "Open in JupyterLite" after the core ones. */
export default function PythonPageActions({children, ...props}: Props): ReactNode {
  const {openInJupyterLite = true} = usePluginData('docusaurus-plugin-jupyterlite') as JupyterLiteGlobalData;
  return (
    <InitialPythonPageActions {...props}>
      {openInJupyterLite ? <OpenInJupyterLite /> : null}
      {children}
    </InitialPythonPageActions>
  );
}
