import {holdsEdits, parseSavedPageEdits, type SavedCellEdits, type SavedPageEdits} from './savedEdits.js';
import {SAVED_EDITS_KEY_PREFIX, savedEditsKey} from './savedEditsKey.js';

export interface SavedEditStoreOptions {
  /** The browser storage to use; default `localStorage`. Undefined, or a getter that throws, keeps edits in memory only. */
  storage?: () => Storage | undefined;
  /** The clock, for `savedAt`. */
  now?: () => number;
  /** At most this many pages are kept (over every namespace); the least recently saved go first. */
  maxPages?: number;
  /** At most this many characters (keys and values) are kept, counted the same way. */
  maxChars?: number;
}

/** Pages kept at most, by default. */
export const DEFAULT_MAX_SAVED_PAGES = 100;
/** Characters kept at most, by default (localStorage holds about 5 million per site). */
export const DEFAULT_MAX_SAVED_CHARS = 1_000_000;

interface StoredEntry {
  key: string;
  savedAt: number;
  chars: number;
}

/**
 * The reader's edits, per namespace (site and docs version) and page, in
 * browser storage with a memory copy. Storage that is missing, refused
 * (private mode, a sandboxed frame) or full leaves the edits in memory for
 * the life of the tab, without a word: the reader loses nothing they could
 * have kept, and the page never breaks over it.
 */
export class SavedEditStore {
  readonly #storage: () => Storage | undefined;
  readonly #now: () => number;
  readonly #maxPages: number;
  readonly #maxChars: number;
  // Every page read or written in this tab; null: known to have nothing.
  // Also where pages live when storage cannot hold them.
  readonly #pages = new Map<string, SavedPageEdits | null>();

  constructor(options: SavedEditStoreOptions = {}) {
    this.#storage = options.storage ?? defaultStorage;
    this.#now = options.now ?? Date.now;
    this.#maxPages = options.maxPages ?? DEFAULT_MAX_SAVED_PAGES;
    this.#maxChars = options.maxChars ?? DEFAULT_MAX_SAVED_CHARS;
  }

  /** The page's saved edits, or undefined. Reads storage once per page; later reads come from memory. */
  read(namespace: string, page: string): SavedPageEdits | undefined {
    const key = savedEditsKey(namespace, page);
    const known = this.#pages.get(key);
    if (known !== undefined) return known ?? undefined;
    let entry: SavedPageEdits | undefined;
    const text = this.#attempt((storage) => storage.getItem(key));
    if (typeof text === 'string') entry = parseSavedPageEdits(text);
    this.#pages.set(key, entry ?? null);
    return entry;
  }

  /**
   * Replaces the given cells' entries on the page (undefined, or an entry
   * holding nothing, forgets the cell) and saves the page: in storage when
   * it can, making room by evicting the least recently saved pages, else in
   * memory.
   */
  update(namespace: string, page: string, changes: Readonly<Record<string, SavedCellEdits | undefined>>): void {
    const key = savedEditsKey(namespace, page);
    const cells: Record<string, SavedCellEdits> = {...this.read(namespace, page)?.cells};
    for (const [id, cell] of Object.entries(changes)) {
      if (holdsEdits(cell)) cells[id] = cell;
      else delete cells[id];
    }
    if (Object.keys(cells).length === 0) {
      this.#pages.set(key, null);
      this.#attempt((storage) => storage.removeItem(key));
      return;
    }
    const entry: SavedPageEdits = {savedAt: this.#now(), cells};
    this.#pages.set(key, entry);
    this.#save(key, JSON.stringify(entry));
  }

  /** Drops the memory copy of pages another tab changed (the `storage` event), so the next read sees its version. */
  forgetCached(key: string | null): void {
    if (key === null) this.#pages.clear();
    else if (key.startsWith(SAVED_EDITS_KEY_PREFIX)) this.#pages.delete(key);
  }

  #save(key: string, text: string): void {
    const chars = key.length + text.length;
    // A page larger than the whole budget stays in memory; any older copy in storage stays too.
    if (chars > this.#maxChars) return;
    this.#attempt((storage) => {
      const others = storedEntries(storage).filter((entry) => entry.key !== key);
      others.sort((a, b) => a.savedAt - b.savedAt);
      let total = others.reduce((sum, entry) => sum + entry.chars, 0);
      const evictOldest = (): boolean => {
        const oldest = others.shift();
        if (!oldest) return false;
        storage.removeItem(oldest.key);
        this.#pages.delete(oldest.key);
        total -= oldest.chars;
        return true;
      };
      while (others.length + 1 > this.#maxPages || total + chars > this.#maxChars) evictOldest();
      for (;;) {
        try {
          storage.setItem(key, text);
          return;
        } catch (error) {
          // Full (quota): room made by the oldest pages, one at a time. Nothing left to evict: memory.
          if (!evictOldest()) throw error;
        }
      }
    });
  }

  /** Runs `use` on the storage; undefined when there is none or it throws (refused, full). */
  #attempt<T>(use: (storage: Storage) => T): T | undefined {
    try {
      const storage = this.#storage();
      return storage ? use(storage) : undefined;
    } catch {
      return undefined;
    }
  }
}

function defaultStorage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

/** The entries this format wrote, with their age and size (a malformed one counts as the oldest). */
function storedEntries(storage: Storage): StoredEntry[] {
  const entries: StoredEntry[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key === null || !key.startsWith(SAVED_EDITS_KEY_PREFIX)) continue;
    const text = storage.getItem(key) ?? '';
    entries.push({key, savedAt: parseSavedPageEdits(text)?.savedAt ?? 0, chars: key.length + text.length});
  }
  return entries;
}
