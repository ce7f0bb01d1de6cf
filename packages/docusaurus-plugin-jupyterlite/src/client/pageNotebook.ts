// The cells the remark step `remarkOpenInJupyterLite` used to put on each
// page. The button now builds its notebook from the page's data file (C7)
// with @pyodocs/react's `usePythonPage().notebook()`; this type stays only
// while that remark step is still wired in (the plugin's index.ts).
export type PageNotebookCell = {type: 'markdown'; source: string} | {type: 'code'; id: string; code: string};
