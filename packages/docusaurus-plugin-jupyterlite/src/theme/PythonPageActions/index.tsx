import type {ReactNode} from 'react';
import {useLocation} from '@docusaurus/router';
import {usePluginData} from '@docusaurus/useGlobalData';
import OpenInJupyterLite from '@theme/OpenInJupyterLite';
// @theme-init: the core plugin's page actions, which this wraps to add its
// button (list this plugin after @pyodocs/docusaurus-plugin).
import InitialPythonPageActions, {type Props} from '@theme-init/PythonPageActions';

interface JupyterLiteGlobalData {
  /** The plugin's `openInJupyterLite` option. */
  openInJupyterLite: boolean;
  /** Permalinks of the pages whose front matter says `open_in_jupyterlite: false`. */
  pagesWithoutOpenInJupyterLite: string[];
}

/** The page's Python actions, with "Open in JupyterLite" after the core ones (unless the site or the page says no). */
export default function PythonPageActions({children, ...props}: Props): ReactNode {
  const {openInJupyterLite, pagesWithoutOpenInJupyterLite} = usePluginData(
    'docusaurus-plugin-jupyterlite',
  ) as JupyterLiteGlobalData;
  const {pathname} = useLocation();
  const here = samePage(pathname);
  const shown = openInJupyterLite && !pagesWithoutOpenInJupyterLite.some((permalink) => samePage(permalink) === here);
  return (
    <InitialPythonPageActions {...props}>
      {shown ? <OpenInJupyterLite /> : null}
      {children}
    </InitialPythonPageActions>
  );
}

/** A path compared the same whether it ends with a slash or is percent-encoded. */
function samePage(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {}
  return decoded.replace(/\/+$/, '');
}
