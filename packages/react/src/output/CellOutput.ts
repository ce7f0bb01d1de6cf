import type {MimeBundle} from '@pyodocs/runtime';
import type {PythonError} from '@pyodocs/runtime';

/** One block in a cell's output area, in the order it arrived. */
export type CellOutput =
  /** Consecutive chunks of one stream are merged into one block. */
  | {kind: 'stream'; name: 'stdout' | 'stderr'; text: string}
  /** `display(...)` calls. */
  | {kind: 'display'; data: MimeBundle; metadata: Record<string, unknown>}
  /** The value of the final expression. */
  | {kind: 'result'; data: MimeBundle; metadata: Record<string, unknown>}
  | {kind: 'error'; error: PythonError}
  /** Messages from the cell itself (stopped, restarted, could not run). */
  | {kind: 'notice'; tone: 'info' | 'error'; text: string};
