import type {ReactNode} from 'react';

/**
 * An image output made when the site was built and written as a file of the
 * build (C9): `<img src>` of that file, so pages do not carry base64 blobs.
 * IPython's `width` / `height` metadata become its attributes.
 */
export function UrlImageOutput({
  url,
  metadata,
  alt,
}: {
  url: string;
  metadata: Readonly<Record<string, unknown>>;
  alt: string;
}): ReactNode {
  return (
    <img
      className="pyodocs-image"
      src={url}
      alt={typeof metadata.alt === 'string' ? metadata.alt : alt}
      width={dimension(metadata.width)}
      height={dimension(metadata.height)}
    />
  );
}

function dimension(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
}
