/**
 * A label: the one in `labels` (the site's translation, or a cell's own),
 * else `english`'s. Each chunk passes the English table of what it shows,
 * which it carries itself: the English of what only a run, a doctest block,
 * the output renderers or the changed-docs notice shows stays out of the
 * page's first load (issue 13). The types check that `english` holds `key`.
 */
export function labelOf<Key extends string>(
  labels: Readonly<Partial<Record<NoInfer<Key>, string>>>,
  key: Key,
  english: Readonly<Record<NoInfer<Key>, string>>,
): string {
  return labels[key] ?? english[key];
}
