import {Suspense, useContext, type ReactNode} from 'react';
import type {MimeBundle} from '@pyodocs/runtime';
import {deferredRenderers, mimeRenderers} from './mimeRenderers.js';
import {OutputRenderersContext} from './OutputRenderersContext.js';
import {RendererErrorBoundary} from './RendererErrorBoundary.js';
import {SANITIZED_AT_BUILD} from './sanitizedAtBuild.js';
import {selectMimeType} from './selectMimeType.js';
import {TextOutput} from './TextOutput.js';
import {UrlImageOutput} from './UrlImageOutput.js';
import {useIsHydrating} from './useIsHydrating.js';

interface MimeBundleOutputProps {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  /** Types whose value is a file of the build (C9 images), by URL. */
  urls?: Readonly<Record<string, string>> | undefined;
  /** Said before the list of types when none of them can be rendered. */
  unsupportedLabel: string;
}

/** The richest rendering available for a display or result bundle: the site's renderers first, then ours. */
export function MimeBundleOutput({data, metadata, urls, unsupportedLabel}: MimeBundleOutputProps): ReactNode {
  const custom = useContext(OutputRenderersContext);
  const hydrating = useIsHydrating();
  // A type given by URL counts as present even when the bundle leaves its value out.
  const available = urls ? {...data, ...urls} : data;
  const selected = selectMimeType(available, custom) ?? selectMimeType(available, mimeRenderers);
  if (selected) {
    const [mimeType, Renderer] = selected;
    const typeMetadata = metadata[mimeType];
    const url = urls?.[mimeType];
    if (url !== undefined && mimeType.startsWith('image/')) {
      const text = data['text/plain'];
      return (
        <div className="pyodocs-mime" data-mime-type={mimeType}>
          <UrlImageOutput
            url={url}
            metadata={isRecord(typeMetadata) ? typeMetadata : metadata}
            alt={typeof text === 'string' ? text : ''}
          />
        </div>
      );
    }
    const rendererMetadata = isRecord(typeMetadata) ? typeMetadata : metadata;
    if (hydrating && deferredRenderers.has(Renderer)) {
      return (
        <div className="pyodocs-mime" data-mime-type={mimeType}>
          <DeferredFallback mimeType={mimeType} bundle={data} metadata={rendererMetadata} pending={false} />
        </div>
      );
    }
    return (
      <div className="pyodocs-mime" data-mime-type={mimeType}>
        {/* Lazily loaded renderers show the plain-text form until their chunk arrives, and if it never does. */}
        <RendererErrorBoundary fallback={<PlainFallback bundle={data} pending={false} />}>
          <Suspense
            fallback={<DeferredFallback mimeType={mimeType} bundle={data} metadata={rendererMetadata} pending />}
          >
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

/**
 * What a deferred renderer shows before its chunk: HTML the build sanitized
 * as it is (what the static page holds, sanitized again once the chunk is
 * here), anything else as plain text.
 */
function DeferredFallback({
  mimeType,
  bundle,
  metadata,
  pending,
}: {
  mimeType: string;
  bundle: MimeBundle;
  metadata: Record<string, unknown>;
  pending: boolean;
}): ReactNode {
  const value = bundle[mimeType];
  if (mimeType === 'text/html' && metadata[SANITIZED_AT_BUILD] === true && typeof value === 'string') {
    // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized at build (C9), and again by HtmlOutput once loaded.
    return <div className="pyodocs-html" dangerouslySetInnerHTML={{__html: value}} />;
  }
  return <PlainFallback bundle={bundle} pending={pending} />;
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
