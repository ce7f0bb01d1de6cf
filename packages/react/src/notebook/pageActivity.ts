import {currentPageKey} from './pageKey.js';

/** What the page's actions did last, for the status they announce. */
export type PageActivity =
  | {state: 'idle'}
  /** Run all queued `total` cells and they have not all finished. */
  | {state: 'running-all'; total: number}
  /** Run all finished: every cell ran (`raises-exception` cells may have raised). */
  | {state: 'ran-all'; completed: number}
  /** Run all stopped at a cell that failed; the cells after it did not run. */
  | {state: 'run-all-stopped'; completed: number}
  /** Restart emptied the page's sessions. */
  | {state: 'restarted'}
  /** An action could not start (its code did not load: offline, a deploy that removed it); `message` says so and what to do. */
  | {state: 'unavailable'; message: string};

const idle: PageActivity = Object.freeze({state: 'idle'});

// One per tab, like the page's cells; tied to the page it happened on, so
// the next page starts with nothing to announce.
let current: {page: string; activity: PageActivity; sequence: number} = {page: '', activity: idle, sequence: 0};
const listeners = new Set<() => void>();

/** What the actions of the page on screen did last (a stable snapshot for `useSyncExternalStore`). */
export function pageActivity(): PageActivity {
  return current.page === currentPageKey() ? current.activity : idle;
}

export function idlePageActivity(): PageActivity {
  return idle;
}

/**
 * Sets the page's activity; returns a token that `setPageActivityIf` checks,
 * so that the end of a Run all does not overwrite a Restart pressed meanwhile.
 */
export function setPageActivity(activity: PageActivity): number {
  current = {page: currentPageKey(), activity, sequence: current.sequence + 1};
  for (const listener of Array.from(listeners)) listener();
  return current.sequence;
}

/** Sets the activity unless another action set one after `token` was taken. */
export function setPageActivityIf(token: number, activity: PageActivity): void {
  if (current.sequence === token) setPageActivity(activity);
}

export function subscribePageActivity(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
