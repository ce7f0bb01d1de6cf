import type {ClientMessage, WorkerEndpoint, WorkerEndpointEventMap} from '../../src/index.js';

/** A real endpoint the test can also break: inject messages or errors, rewrite what the client sends. */
export interface ControllableEndpoint extends WorkerEndpoint {
  /** Deliver `data` to the client as if the worker had sent it. */
  injectMessage(data: unknown): void;
  /** Fire an error event as if the worker had died. */
  injectError(message?: string): void;
  readonly terminated: boolean;
}

export function controllableEndpoint(
  inner: WorkerEndpoint,
  rewriteOutgoing: (message: ClientMessage) => ClientMessage = (message) => message,
): ControllableEndpoint {
  const injected: {[K in keyof WorkerEndpointEventMap]: Array<(event: WorkerEndpointEventMap[K]) => void>} = {
    message: [],
    error: [],
  };
  let terminated = false;
  return {
    postMessage: (message) => inner.postMessage(rewriteOutgoing(message)),
    addEventListener(type, listener) {
      injected[type].push(listener);
      inner.addEventListener(type, listener);
    },
    terminate() {
      terminated = true;
      inner.terminate();
    },
    injectMessage: (data) => {
      for (const listener of injected.message) listener({data});
    },
    injectError: (message) => {
      for (const listener of injected.error) listener(message === undefined ? {} : {message});
    },
    get terminated() {
      return terminated;
    },
  };
}
