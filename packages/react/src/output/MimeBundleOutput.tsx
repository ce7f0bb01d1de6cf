import type {ReactNode} from 'react';
import type {MimeBundle} from '@pyodocs/runtime';
import {mimeRenderers} from './mimeRenderers.js';

interface MimeBundleOutputProps {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  /** Said before the list of types when none of them can be rendered. */
  unsupportedLabel: string;
}

/** The best rendering this package has for a display or result bundle. */
export function MimeBundleOutput({data, metadata, unsupportedLabel}: MimeBundleOutputProps): ReactNode {
  for (const [mimeType, render] of mimeRenderers) {
    if (mimeType in data) {
      const typeMetadata = metadata[mimeType];
      return render(data[mimeType], isRecord(typeMetadata) ? typeMetadata : metadata);
    }
  }
  return (
    <p className="pyodocs-notice">
      {unsupportedLabel} <code>{Object.keys(data).join(', ')}</code>
    </p>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
