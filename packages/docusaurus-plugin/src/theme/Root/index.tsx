import type {ReactNode} from 'react';
import {usePluginData} from '@docusaurus/useGlobalData';
import {type CellBehaviour, PyodideProvider} from '@pyodocs/react';
import type {PyodideClientConfig} from '@pyodocs/runtime';
// @theme-init: the Root this one wraps (core's, or another theme's), so other
// plugins' Root wrappers keep working.
import InitialRoot from '@theme-init/Root';
import type {Props} from '@theme/Root';

/** The plugin's global data (PyodocsGlobalData in the plugin's index.ts). */
interface PyodocsGlobalData {
  config: PyodideClientConfig;
  cells: CellBehaviour;
}

/**
 * Mounts one PyodideProvider above the router: Root is never unmounted by
 * client-side navigation, so the reader's Python (worker, sessions) survives
 * moving between pages. The provider creates nothing until a cell runs,
 * and carries no cell code or strings: pages without cells pay next to
 * nothing (the cells bring the client and their translated labels).
 */
export default function Root({children}: Props): ReactNode {
  // Objects resolved by the plugin (C4, C8): passed through untouched.
  const {config, cells} = usePluginData('docusaurus-plugin-pyodocs') as PyodocsGlobalData;
  return (
    <InitialRoot>
      <PyodideProvider config={config} cells={cells}>
        {children}
      </PyodideProvider>
    </InitialRoot>
  );
}
