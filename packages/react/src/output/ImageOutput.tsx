import type {ReactNode} from 'react';
import type {MimeRendererProps} from './MimeRendererProps.js';

/**
 * A PNG or JPEG from its base64 bytes. IPython's metadata `width` / `height`
 * (CSS pixels, e.g. a figure saved at device pixel ratio 2 shown at half its
 * pixel size) become the image's attributes.
 */
export function RasterImageOutput({mimeType, data, metadata, bundle}: MimeRendererProps): ReactNode {
  if (typeof data !== 'string') return null;
  const base64 = data.replace(/\s+/g, '');
  return (
    <img
      className="pyodocs-image"
      src={`data:${mimeType};base64,${base64}`}
      alt={typeof metadata.alt === 'string' ? metadata.alt : altText(bundle)}
      width={dimension(metadata.width)}
      height={dimension(metadata.height)}
    />
  );
}

/**
 * SVG shown as an image (`<img src="data:image/svg+xml,...">`), never inlined:
 * browsers run no scripts, handlers or external loads inside SVG images, so
 * an SVG from Python is inert by construction, whatever it contains. The cost
 * is that its text cannot be selected and page CSS does not reach it.
 */
export function SvgImageOutput({data, metadata, bundle}: MimeRendererProps): ReactNode {
  if (typeof data !== 'string') return null;
  return (
    <img
      className="pyodocs-image pyodocs-image--svg"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data)}`}
      alt={altText(bundle)}
      width={dimension(metadata.width)}
      height={dimension(metadata.height)}
    />
  );
}

/** The object's text/plain repr (e.g. `<Figure size 640x480 with 1 Axes>`) describes the image. */
function altText(bundle: Readonly<Record<string, unknown>>): string {
  const text = bundle['text/plain'];
  return typeof text === 'string' ? text : '';
}

function dimension(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
}
