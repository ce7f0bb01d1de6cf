let cached: readonly string[] | undefined;

/**
 * The ids of the page's cells and doctest blocks in document order (a live
 * doctest's cell counts once, as its block). Cells mounting together ask
 * for it in one task, so the document is walked once and the answer kept
 * until the next microtask.
 */
export function pageBlockIds(): readonly string[] {
  if (cached) return cached;
  const ids: string[] = [];
  for (const element of document.querySelectorAll('[data-pyodocs-doctest], [data-pyodocs-cell]')) {
    const doctest = element.getAttribute('data-pyodocs-doctest');
    if (doctest !== null) ids.push(doctest);
    else if (!element.parentElement?.closest('[data-pyodocs-doctest]'))
      ids.push(element.getAttribute('data-pyodocs-cell') ?? '');
  }
  cached = ids;
  queueMicrotask(() => {
    cached = undefined;
  });
  return ids;
}
