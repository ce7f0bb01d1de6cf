import {useCallback, useSyncExternalStore} from 'react';
import type {ClientStatus} from '@pyodocs/runtime';
import {usePyodideContext} from './usePyodideContext.js';
import {subscribeTabPython} from './tabPython.js';

/** What the server renders (and hydration starts from): nothing has loaded. */
const idleStatus: ClientStatus = Object.freeze({state: 'idle'});
const noClient = () => undefined;

/**
 * The client's status (idle, loading with its stage, ready, crashed), kept
 * current through `client.subscribe`. Always `idle` on the server, when no
 * provider is mounted and before anything created the client.
 */
export function usePyodideStatus(): ClientStatus {
  const context = usePyodideContext();
  const client = useSyncExternalStore(subscribeTabPython, context ? context.peekClient : noClient, noClient);
  const subscribe = useCallback((onChange: () => void) => (client ? client.subscribe(onChange) : () => {}), [client]);
  // The client keeps one status object until the status changes, as
  // useSyncExternalStore requires of a snapshot.
  const getSnapshot = useCallback(() => (client ? client.status : idleStatus), [client]);
  return useSyncExternalStore(subscribe, getSnapshot, () => idleStatus);
}
