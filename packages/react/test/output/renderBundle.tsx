import {render, waitFor} from '@testing-library/react';
import type {MimeBundle} from '@pyodocs/runtime';
import type {ReactNode} from 'react';
import {expect} from 'vitest';
import {MimeBundleOutput} from '../../src/output/MimeBundleOutput.js';

/**
 * Renders one display bundle the way a cell does and waits for lazily loaded
 * renderers; returns the box it went into.
 */
export async function renderBundle(
  data: MimeBundle,
  metadata: Record<string, unknown> = {},
  wrap: (node: ReactNode) => ReactNode = (node) => node,
): Promise<HTMLElement> {
  const {container} = render(
    wrap(<MimeBundleOutput data={data} metadata={metadata} unsupportedLabel="Cannot show:" />),
  );
  await waitFor(() => expect(container.querySelector('[data-pyodocs-pending]')).toBeNull());
  return container;
}
