import {useCallback, useSyncExternalStore} from 'react';
import type {ClientStatus} from '@pyodocs/runtime';
import {usePyodideContext} from './usePyodideContext.js';

/** What the server renders (and hydration starts from): nothing has loaded. */
const idleStatus: ClientStatus = Object.freeze({state: 'idle'});

/**
 * The client's status (idle, loading with its stage, ready, crashed), kept
 * current through `client.subscribe`. Always `idle` on the server and when no
 * provider is mounted.
 */
export function usePyodideStatus(): ClientStatus {
  const context = usePyodideContext();
  const subscribe = useCallback(
    (onChange: () => void) => (context ? context.getClient().subscribe(onChange) : () => {}),
    [context],
  );
  // The client keeps one status object until the status changes, as
  // useSyncExternalStore requires of a snapshot.
  const getSnapshot = useCallback(() => (context ? context.getClient().status : idleStatus), [context]);
  return useSyncExternalStore(subscribe, getSnapshot, () => idleStatus);
}
