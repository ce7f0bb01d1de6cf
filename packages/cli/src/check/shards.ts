import {createHash} from 'node:crypto';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); throws an Error that says what is wrong. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard takes i/n with 1 ≤ i ≤ n (e.g. 2/4), got '${text}'.`);
  }
  return {index, count};
}

/**
 * Whether the page belongs to `shard`: decided by a hash of its path alone,
 * so every machine of a CI matrix agrees without talking to the others, and
 * adding or removing a page never moves another one.
 */
export function inShard(pagePath: string, shard: Shard): boolean {
  const hash = createHash('sha256').update(pagePath).digest().readUInt32BE(0);
  return hash % shard.count === shard.index - 1;
}
