import type {MimeBundle} from '@pyodocs/runtime';
import type {PythonError} from '@pyodocs/runtime';

/**
 * One block in a cell's output area, in the order it arrived. Outputs made
 * when the site was built (C9) have the same shape; their images may be
 * files of the build (`urls`) instead of base64 in the bundle.
 */
export type CellOutput =
  /** Consecutive chunks of one stream are merged into one block. */
  | {kind: 'stream'; name: 'stdout' | 'stderr'; text: string}
  /** `display(...)` calls. */
  | {kind: 'display'; data: MimeBundle; metadata: Record<string, unknown>; urls?: Record<string, string>}
  /** The value of the final expression. */
  | {kind: 'result'; data: MimeBundle; metadata: Record<string, unknown>; urls?: Record<string, string>}
  | {kind: 'error'; error: PythonError}
  /** Messages from the cell itself (stopped, restarted, could not run). */
  | {kind: 'notice'; tone: 'info' | 'error'; text: string};
