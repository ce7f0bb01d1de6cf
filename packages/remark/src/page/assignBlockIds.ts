/** A block whose id is decided once the whole page has been seen. */
export interface BlockIdRequest {
  explicitId: string | undefined;
  /** Generated ids are this prefix + a hash of `hashed`: `py-` for cells, `doctest-` for doctest blocks. */
  prefix: string;
  hashed: string;
}

/**
 * Every block's id, in order: explicit ids as written; the others the prefix
 * + 8 hex of a hash, with `-2`, `-3`… for repeats, skipping any id already
 * taken on the page (explicit ids included, wherever they appear).
 */
export function assignBlockIds(blocks: readonly BlockIdRequest[]): string[] {
  const taken = new Set<string>();
  for (const block of blocks) if (block.explicitId) taken.add(block.explicitId);
  return blocks.map((block) => {
    if (block.explicitId) return block.explicitId;
    const base = `${block.prefix}${hashCode(block.hashed)}`;
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

/**
 * 32-bit FNV-1a over the UTF-8 bytes, as 8 hex digits: stable across builds
 * and platforms, and needs neither node:crypto nor async WebCrypto (nor
 * TextEncoder, which is not in the ES library this package compiles against).
 */
function hashCode(code: string): string {
  let hash = 0x811c9dc5;
  const feed = (byte: number): void => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const char of code) {
    const point = char.codePointAt(0) ?? 0;
    if (point < 0x80) {
      feed(point);
    } else if (point < 0x800) {
      feed(0xc0 | (point >> 6));
      feed(0x80 | (point & 0x3f));
    } else if (point < 0x10000) {
      feed(0xe0 | (point >> 12));
      feed(0x80 | ((point >> 6) & 0x3f));
      feed(0x80 | (point & 0x3f));
    } else {
      feed(0xf0 | (point >> 18));
      feed(0x80 | ((point >> 12) & 0x3f));
      feed(0x80 | ((point >> 6) & 0x3f));
      feed(0x80 | (point & 0x3f));
    }
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
