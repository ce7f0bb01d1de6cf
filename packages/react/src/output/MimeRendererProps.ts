import type {MimeBundle} from '@pyodocs/runtime';

/** What a renderer for one MIME type receives. */
export interface MimeRendererProps {
  /** The MIME type being rendered (one renderer may serve several). */
  mimeType: string;
  /** The bundle's value for `mimeType`: a string for text and base64 types, a JSON value for JSON types. */
  data: unknown;
  /** Metadata for this MIME type (IPython's `metadata[mimeType]`), else the bundle's whole metadata. */
  metadata: Readonly<Record<string, unknown>>;
  /** The whole bundle, e.g. for the text/plain alternative. */
  bundle: Readonly<MimeBundle>;
}
