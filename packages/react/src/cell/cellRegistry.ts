// Mounted cells by id, each with a getter for the code it would run now
// (edited or original). Features that export a page (e.g. "Open in
// JupyterLite") read the reader's edits from here.
const currentCodeById = new Map<string, () => string>();

/** Registers a mounted cell; the returned function unregisters it (only if it is still the registered one). */
export function registerCellCode(id: string, getCode: () => string): () => void {
  currentCodeById.set(id, getCode);
  return () => {
    if (currentCodeById.get(id) === getCode) currentCodeById.delete(id);
  };
}

/** The current code of the mounted cell `id`, or undefined when no such cell is mounted. */
export function getCurrentCellCode(id: string): string | undefined {
  return currentCodeById.get(id)?.();
}
