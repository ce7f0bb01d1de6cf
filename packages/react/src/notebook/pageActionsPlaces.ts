// Where a page offers its actions: several places may (the table of
// contents on wide screens, above the content on narrow ones); a fallback
// place (the footer) shows them only where no other place is mounted.
let mountedPlaces = 0;
const listeners = new Set<() => void>();

/** Counts a mounted place that is not a fallback; the returned function uncounts it. */
export function mountPageActionsPlace(): () => void {
  mountedPlaces += 1;
  notify();
  let mounted = true;
  return () => {
    if (!mounted) return;
    mounted = false;
    mountedPlaces -= 1;
    notify();
  };
}

/** Whether a place that is not a fallback is mounted (a stable snapshot for `useSyncExternalStore`). */
export function hasPageActionsPlace(): boolean {
  return mountedPlaces > 0;
}

export function subscribePageActionsPlaces(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function notify(): void {
  for (const listener of Array.from(listeners)) listener();
}
