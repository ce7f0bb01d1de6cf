// The build row's statistics: builds come in pairs (one `run`, one plain,
// back to back, alternating which goes first), and on a shared machine one
// and the same build's duration moves by 20 to 40 % within minutes. The
// row's figure stays the ratio of the two medians; these tell how far it
// can be trusted: each pair's own ratio (the machine's drift cancels within
// a pair), and a bootstrap interval of the ratio of medians over the pairs.

export function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Each pair's `run ÷ plain`, in the order built. */
export function pairRatios(run, plain) {
  checkPairs(run, plain);
  return run.map((value, index) => value / plain[index]);
}

/**
 * The central `level` share of the ratio of medians over `resamples`
 * resamplings of the pairs (a percentile bootstrap), from a fixed seed so a
 * JSON's interval can be computed again from its builds.
 */
export function ratioInterval(run, plain, {level = 0.9, resamples = 4000, seed = 13} = {}) {
  checkPairs(run, plain);
  const random = mulberry32(seed);
  const ratios = [];
  for (let resample = 0; resample < resamples; resample += 1) {
    const picks = run.map(() => Math.floor(random() * run.length));
    ratios.push(median(picks.map((pick) => run[pick])) / median(picks.map((pick) => plain[pick])));
  }
  ratios.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return {
    level,
    low: ratios[Math.floor(tail * (resamples - 1))],
    high: ratios[Math.ceil((1 - tail) * (resamples - 1))],
  };
}

function checkPairs(run, plain) {
  if (run.length !== plain.length || run.length === 0)
    throw new Error(
      `the build row needs as many run as plain builds, at least one (got ${run.length} and ${plain.length})`,
    );
}

/** A small seeded PRNG (mulberry32): uniform in [0, 1). */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
