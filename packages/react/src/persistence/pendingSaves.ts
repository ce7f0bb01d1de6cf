// Saves waiting for the reader to pause typing. Leaving or hiding the page
// (reload, closing the tab, switching apps on a phone) saves them at once:
// a page being unloaded runs no timers.
const pending = new Set<() => void>();
let listening = false;

function saveAll(): void {
  for (const save of Array.from(pending)) save();
}

function onVisibilityChange(): void {
  if (document.visibilityState === 'hidden') saveAll();
}

/** Registers a save to run when the page is left or hidden; the returned function unregisters it. */
export function whenPageLeft(save: () => void): () => void {
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    window.addEventListener('pagehide', saveAll);
    document.addEventListener('visibilitychange', onVisibilityChange);
  }
  pending.add(save);
  return () => {
    pending.delete(save);
  };
}
