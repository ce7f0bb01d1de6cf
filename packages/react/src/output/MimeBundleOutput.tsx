import {Suspense, useContext, type ReactNode} from 'react';
import type {MimeBundle} from '@pyodocs/runtime';
import {mimeRenderers} from './mimeRenderers.js';
import {OutputRenderersContext} from './OutputRenderersContext.js';
import {RendererErrorBoundary} from './RendererErrorBoundary.js';
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
        {/* Lazily loaded renderers show the plain-text form until their chunk arrives, and if it never does. */}
        <RendererErrorBoundary fallback={<PlainFallback bundle={data} pending={false} />}>
          <Suspense fallback={<PlainFallback bundle={data} pending />}>
            <Renderer
              mimeType={mimeType}
              data={data[mimeType]}
              metadata={isRecord(typeMetadata) ? typeMetadata : metadata}
              bundle={data}
            />
          </Suspense>
        </RendererErrorBoundary>
      </div>
    );
  }
  return (
    <p className="pyodocs-notice">
      {unsupportedLabel} <code>{Object.keys(data).join(', ')}</code>
    </p>
  );
}

function PlainFallback({bundle, pending}: {bundle: MimeBundle; pending: boolean}): ReactNode {
  const text = bundle['text/plain'];
  return (
    <div className="pyodocs-pending" data-pyodocs-pending={pending ? '' : undefined}>
      {typeof text === 'string' && <TextOutput mimeType="text/plain" data={text} metadata={{}} bundle={bundle} />}
    </div>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
