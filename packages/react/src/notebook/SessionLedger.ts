import type {PyodideClient} from '@pyodocs/runtime';
import type {CellOutput} from '../output/CellOutput.js';

/** The last finished run of one cell in the tab's current Python: what a returning reader sees. */
export interface CellRunRecord {
  /** The session it ran in. */
  session: string;
  /** Its number among the runs of its session since the session started, from 1 (Jupyter's execution count). */
  executionCount: number;
  /** From the moment it started (packages included) to its outcome. */
  durationMs: number;
  /** `done`: it ran to the end; `error`: it raised. */
  status: 'done' | 'error';
  /** Everything it produced, in order. */
  outputs: readonly CellOutput[];
}

/**
 * What ran in the tab's Python, kept as long as that Python lives (one per
 * client, for the life of the tab): each cell's last finished run by page
 * and cell id, the execution counter of each session, and the runs still
 * pending. It survives client-side navigation, so a returning reader sees
 * the outputs the session holds; it forgets a session when the page resets
 * it, and everything when the worker goes (restart, crash).
 */
export class SessionLedger {
  readonly #records = new Map<string, CellRunRecord>();
  readonly #counts = new Map<string, number>();
  /** Bumped when a session is reset: a run that started before must not leave a record after. */
  readonly #generations = new Map<string, number>();
  readonly #pending = new Map<string, number>();
  readonly #listeners = new Set<() => void>();
  #epoch = 0;
  #watched: PyodideClient | undefined;

  /** The last finished run of cell `id` on `page` in the current Python, if any. */
  get(page: string, id: string): CellRunRecord | undefined {
    return this.#records.get(cellKey(page, id));
  }

  /** Records of the cells of `page`, by cell id. */
  recordsOf(page: string): Map<string, CellRunRecord> {
    const prefix = cellKey(page, '');
    const found = new Map<string, CellRunRecord>();
    for (const [key, record] of this.#records) if (key.startsWith(prefix)) found.set(key.slice(prefix.length), record);
    return found;
  }

  /** Call `listener` when any record changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Forget everything when `client` loses its worker (restart, crash): every
   * session is gone with it. Watching starts with the first run, so pages
   * nobody runs hold no subscription.
   */
  watch(client: PyodideClient): void {
    if (this.#watched === client) return;
    this.#watched = client;
    client.subscribe((status) => {
      if (status.state === 'idle' || status.state === 'crashed') this.forgetAll();
    });
  }

  /** A token for the session's current namespace, taken when a run starts and checked when it ends. */
  generation(session: string): string {
    return `${this.#epoch}:${this.#generations.get(session) ?? 0}`;
  }

  /** The next execution count of `session` (1 for its first run). */
  nextExecutionCount(session: string): number {
    const count = (this.#counts.get(session) ?? 0) + 1;
    this.#counts.set(session, count);
    return count;
  }

  /** Keeps `record` as the last run of the cell, unless its session was reset since the run started. */
  record(page: string, id: string, generation: string, record: CellRunRecord): void {
    if (generation !== this.generation(record.session)) return;
    this.#records.set(cellKey(page, id), Object.freeze(record));
    this.#notify();
  }

  /** Forgets the cell's last run (Reset: the cell shows its documented code, as if it never ran). */
  forget(page: string, id: string): void {
    if (this.#records.delete(cellKey(page, id))) this.#notify();
  }

  /** The sessions were reset: their records and counters go. */
  forgetSessions(sessions: Iterable<string>): void {
    const gone = new Set(sessions);
    for (const session of gone) {
      this.#counts.delete(session);
      this.#generations.set(session, (this.#generations.get(session) ?? 0) + 1);
    }
    for (const [key, record] of this.#records) if (gone.has(record.session)) this.#records.delete(key);
    this.#notify();
  }

  /** The worker went: every session with it. */
  forgetAll(): void {
    this.#epoch += 1;
    this.#counts.clear();
    this.#generations.clear();
    if (this.#records.size === 0) return;
    this.#records.clear();
    this.#notify();
  }

  /** A run of the cell was queued; `done()` when it has its outcome. */
  runPending(page: string, id: string): () => void {
    const key = cellKey(page, id);
    this.#pending.set(key, (this.#pending.get(key) ?? 0) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.#pending.get(key) ?? 1) - 1;
      if (left > 0) this.#pending.set(key, left);
      else this.#pending.delete(key);
    };
  }

  /** Whether a run of the cell is queued or running (also one queued before the page was left and entered again). */
  isPending(page: string, id: string): boolean {
    return this.#pending.has(cellKey(page, id));
  }

  #notify(): void {
    // Array.from: Babel's loose mode (Docusaurus) spreads only arrays correctly.
    for (const listener of Array.from(this.#listeners)) listener();
  }
}

function cellKey(page: string, id: string): string {
  return `${page}\u0000${id}`;
}
