import type {PythonError, RunOutcome} from '@pyodocs/runtime';
import {pageCellCountStore} from './pageCellCount.js';

/** Why a queued run did not run: an earlier cell it depended on failed. */
export interface BlockedBy {
  /** The cell that failed is not shown on the page (`remove-cell`): its error is told instead. */
  hidden: boolean;
  /** Its error, when it raised. */
  error?: PythonError | undefined;
}

/** A run a cell queued on behalf of the page (run-above, Run all). */
export interface SubmittedRun {
  /** Its outcome; never rejects. */
  done: Promise<RunOutcome>;
  /** Cancels it if it has not started, saying which earlier failure kept it from running. */
  cancelBecause(blockedBy: BlockedBy): void;
}

/** Why a cell runs: the reader pressed its Run, a cell below needs it first, or Run all. */
export type RunReason = 'run' | 'needed' | 'run-all';

/** A cell (or doctest block) mounted on the page, as the page's actions see it. */
export interface PageCell {
  readonly id: string;
  readonly session: string;
  readonly tags: readonly string[];
  /** The cell's root element, for document order. */
  element(): Element | null;
  /** The code it would run now: the reader's edits, or the documented code. */
  getCode(): string;
  /** It has a finished run in the tab's current Python (outputs follow the session). */
  hasRun(): boolean;
  /** One of its runs is queued or running. */
  isPending(): boolean;
  /** Queues a run of its current code; undefined when it cannot run at all (no provider). */
  submit(reason: RunReason): SubmittedRun | undefined;
  /** Cancels its queued runs and interrupts its running one. */
  stop(): void;
  /** Its session was reset: it drops its outputs and pending runs (keeping the reader's code). */
  clear(): void;
}

// Mounted cells of the tab: the page on screen (client-side navigation
// unmounts one page before the next mounts). Module state, like the shared
// client, because the page's actions live outside the cells' React subtree
// (in the table of contents, the footer).
const mounted = new Set<PageCell>();
const listeners = new Set<() => void>();
let version = 0;

/** Adds a mounted cell; the returned function removes it. */
export function registerPageCell(cell: PageCell): () => void {
  mounted.add(cell);
  changed();
  return () => {
    if (mounted.delete(cell)) changed();
  };
}

/** The mounted cells in document order. */
export function pageCells(): PageCell[] {
  return Array.from(mounted).sort(byDocumentOrder);
}

/** The mounted cell `id`, if any. */
export function findPageCell(id: string): PageCell | undefined {
  for (const cell of mounted) if (cell.id === id) return cell;
  return undefined;
}

/** How many cells are mounted (a stable snapshot for `useSyncExternalStore`). */
export function pageCellCount(): number {
  return mounted.size;
}

/** A number that changes whenever cells mount or unmount. */
export function pageCellsVersion(): number {
  return version;
}

export function subscribePageCells(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The current code of the mounted cell `id` (the reader's edits, or the documented code), or undefined when no such cell is mounted. */
export function getCurrentCellCode(id: string): string | undefined {
  return findPageCell(id)?.getCode();
}

function changed(): void {
  version += 1;
  for (const listener of Array.from(listeners)) listener();
  const count = pageCellCountStore();
  if (count.count === mounted.size) return;
  count.count = mounted.size;
  for (const listener of Array.from(count.listeners)) listener();
}

function byDocumentOrder(a: PageCell, b: PageCell): number {
  const first = a.element();
  const second = b.element();
  if (!first || !second || first === second) return 0;
  return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
