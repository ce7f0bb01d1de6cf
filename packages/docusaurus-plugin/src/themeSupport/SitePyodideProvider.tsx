import type {ReactNode} from 'react';
import {PyodideProvider} from '@pyodocs/react';
import clientData from '@pyodocs/docusaurus-plugin/clientData';

/**
 * The site's PyodideProvider, around each cell, doctest block and the page
 * actions rather than at the app root: a Root wrapper would put it into
 * every page's main bundle (issue 13). Python still survives client-side
 * navigation: the provider carries data only, and the tab's client and
 * session records live on globalThis, keyed by the config.
 */
export function SitePyodideProvider({children}: {children: ReactNode}): ReactNode {
  // Objects resolved by the plugin (C4, C8): passed through untouched.
  return (
    <PyodideProvider config={clientData.config} cells={clientData.cells}>
      {children}
    </PyodideProvider>
  );
}
