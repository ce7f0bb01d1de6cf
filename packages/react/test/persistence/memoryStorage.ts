/** A Web Storage in memory, optionally with a quota (characters of keys and values) like a browser's. */
export class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  constructor(readonly quota = Number.POSITIVE_INFINITY) {}

  get length(): number {
    return this.#items.size;
  }
  key(index: number): string | null {
    return Array.from(this.#items.keys())[index] ?? null;
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    let used = key.length + value.length;
    for (const [other, text] of this.#items) if (other !== key) used += other.length + text.length;
    if (used > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.#items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  clear(): void {
    this.#items.clear();
  }
  keys(): string[] {
    return Array.from(this.#items.keys());
  }
  [name: string]: unknown;
}
