import type {ReactNode} from 'react';

/** Renders one MIME type's value from a bundle. */
export type MimeRenderer = (value: unknown, metadata: Record<string, unknown>) => ReactNode;

/**
 * Renderers by MIME type, richest first: the first type a bundle carries that
 * has a renderer wins (Jupyter's display order). Richer types (images, HTML
 * in a sandbox, ...) are added here.
 */
export const mimeRenderers: ReadonlyArray<readonly [mimeType: string, render: MimeRenderer]> = [
  ['text/plain', (value) => <pre className="pyodocs-text">{String(value)}</pre>],
];
