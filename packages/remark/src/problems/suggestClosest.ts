import {closest, distance} from 'fastest-levenshtein';

/**
 * The known name closest to a mistyped one, or undefined when nothing is close
 * enough to be a plausible typo (suggesting `id` for `foo` helps nobody).
 */
export function suggestClosest(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  // Compare case-insensitively so `Run` suggests `run`.
  const lowered = known.map((k) => k.toLowerCase());
  const best = closest(name.toLowerCase(), lowered);
  const allowed = Math.max(2, Math.floor(name.length / 2));
  if (distance(name.toLowerCase(), best) > allowed) return undefined;
  return known[lowered.indexOf(best)];
}
