import type {MimeBundle} from '@pyodocs/runtime';

/** The first of `ranked` MIME types present in `bundle` (with a value), or undefined. */
export function selectMimeType<T>(
  bundle: Readonly<MimeBundle>,
  ranked: ReadonlyArray<readonly [mimeType: string, entry: T]>,
): readonly [string, T] | undefined {
  return ranked.find(([mimeType]) => Object.hasOwn(bundle, mimeType) && bundle[mimeType] != null);
}
