import {Suspense, useContext, type ReactNode} from 'react';
import type {MimeBundle} from '@pyodocs/runtime';
import {mimeRenderers} from './mimeRenderers.js';
import {OutputRenderersContext} from './OutputRenderersContext.js';
import {selectMimeType} from './selectMimeType.js';
import {TextOutput} from './TextOutput.js';

interface MimeBundleOutputProps {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  /** Said before the list of types when none of them can be rendered. */
  unsupportedLabel: string;
}

/** The richest rendering available for a display or result bundle: the site's renderers first, then ours. */
export function MimeBundleOutput({data, metadata, unsupportedLabel}: MimeBundleOutputProps): ReactNode {
  const custom = useContext(OutputRenderersContext);
  const selected = selectMimeType(data, custom) ?? selectMimeType(data, mimeRenderers);
  if (selected) {
    const [mimeType, Renderer] = selected;
    const typeMetadata = metadata[mimeType];
    return (
      <div className="pyodocs-mime" data-mime-type={mimeType}>
        {/* Lazily loaded renderers show the plain-text form until their chunk arrives. */}
        <Suspense fallback={<PendingOutput bundle={data} />}>
          <Renderer
            mimeType={mimeType}
            data={data[mimeType]}
            metadata={isRecord(typeMetadata) ? typeMetadata : metadata}
            bundle={data}
          />
        </Suspense>
      </div>
    );
  }
  return (
    <p className="pyodocs-notice">
      {unsupportedLabel} <code>{Object.keys(data).join(', ')}</code>
    </p>
  );
}

function PendingOutput({bundle}: {bundle: MimeBundle}): ReactNode {
  const text = bundle['text/plain'];
  return (
    <div className="pyodocs-pending" data-pyodocs-pending="">
      {typeof text === 'string' && <TextOutput mimeType="text/plain" data={text} metadata={{}} bundle={bundle} />}
    </div>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
