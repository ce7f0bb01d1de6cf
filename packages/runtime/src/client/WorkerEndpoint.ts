import type {ClientMessage} from '../protocol.js';

/** The events a `WorkerEndpoint` delivers: the subset of a Web Worker's events the client uses. */
export interface WorkerEndpointEventMap {
  /** A message from the worker; `data` is checked before use. */
  message: {readonly data: unknown};
  /** The worker failed (script not loadable, uncaught error, thread exit). */
  error: {readonly message?: string};
}

/**
 * Where a `PyodideClient` sends its messages: a browser `Worker` fits as is
 * (`new Worker(workerUrl, {type: 'module'})`); in Node,
 * `createNodeWorkerEndpoint()` from `@pyodocs/runtime/node` provides one.
 */
export interface WorkerEndpoint {
  postMessage(message: ClientMessage): void;
  addEventListener<K extends keyof WorkerEndpointEventMap>(
    type: K,
    listener: (event: WorkerEndpointEventMap[K]) => void,
  ): void;
  /** Stop the worker at once, even inside a running cell. */
  terminate(): void;
}
