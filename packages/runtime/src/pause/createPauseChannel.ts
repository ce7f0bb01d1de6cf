import type {PauseChannelInit} from '../protocol.js';
import {MessageClientChannel, MessageWorkerChannel} from './messagePauseChannel.js';
import type {ClientPauseChannel, PauseMessage, WorkerPauseChannel, WorkerPauseContext} from './PauseChannel.js';
import {SharedMemoryClientChannel, SharedMemoryWorkerChannel} from './sharedMemoryPauseChannel.js';

/** The page's half for a new worker: shared memory when asked for and available, else messages. */
export function createClientPauseChannel(
  sharedMemory: boolean,
  send: (message: PauseMessage) => void,
): ClientPauseChannel {
  return sharedMemory && typeof SharedArrayBuffer === 'function'
    ? new SharedMemoryClientChannel()
    : new MessageClientChannel(send);
}

/** The worker's half, for the transport the client chose. */
export function createWorkerPauseChannel(init: PauseChannelInit, context: WorkerPauseContext): WorkerPauseChannel {
  return init.transport === 'shared-memory'
    ? new SharedMemoryWorkerChannel(init, context)
    : new MessageWorkerChannel(context);
}
