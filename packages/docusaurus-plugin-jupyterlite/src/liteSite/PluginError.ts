/** An error a site maintainer can act on: the message says what to do. */
export class JupyterLitePluginError extends Error {
  constructor(message: string) {
    super(`[pyodocs-jupyterlite] ${message}`);
    this.name = 'JupyterLitePluginError';
  }
}
