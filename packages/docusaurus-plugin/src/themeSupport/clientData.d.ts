// The plugin's client data (CLIENT_DATA_MODULE in the plugin's index.ts): a
// JSON file of the build's generated data that webpack reaches through an alias.
declare module '@pyodocs/docusaurus-plugin/clientData' {
  import type {CellBehaviour} from '@pyodocs/react';
  import type {PyodideClientConfig} from '@pyodocs/runtime';

  const clientData: {
    readonly config: PyodideClientConfig;
    readonly cells: CellBehaviour;
    /** URL of the copy of KaTeX's stylesheet the site serves (katexStylesheetLink.ts). */
    readonly katexStylesheet: string;
  };
  export default clientData;
}
