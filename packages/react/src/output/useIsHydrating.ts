import {useSyncExternalStore} from 'react';

const noSubscription = () => () => {};

/**
 * True on the server and during hydration, false right after and in renders
 * that start on the client. React keeps the server's DOM for a mismatched
 * `dangerouslySetInnerHTML` when hydrating, so HTML only the browser can make
 * (sanitized with the DOM) must first render as the server did, then for real.
 */
export function useIsHydrating(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
}
