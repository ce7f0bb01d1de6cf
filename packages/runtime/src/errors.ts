// Why a run could not complete, as classes so callers can tell causes apart
// (`instanceof`) and offer the right way forward: retry the network, serve a
// matching worker, restart. Python exceptions are not here: they are data
// (`PythonError`) in a run's outcome.

/** Base class of every error this package raises. */
export class PyodocsError extends Error {
  constructor(message: string, options?: {cause?: unknown}) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The worker died, sent something unreadable, or reported an internal failure. */
export class WorkerCrashedError extends PyodocsError {}

/** Pyodide (or the kernel inside it) could not be loaded, e.g. a wrong indexURL or no network. */
export class PyodideLoadError extends PyodocsError {}

/** The client and the worker speak different protocol versions. */
export class ProtocolMismatchError extends PyodocsError {
  constructor(
    message: string,
    /** `PROTOCOL_VERSION` of the page's client. */
    readonly clientProtocol: number,
    /** Protocol of the worker, when it told (undefined when the worker refused the client). */
    readonly workerProtocol: number | undefined,
  ) {
    super(message);
  }
}

/** The client was disposed; it runs nothing more. */
export class ClientDisposedError extends PyodocsError {}
