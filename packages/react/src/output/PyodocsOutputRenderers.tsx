import {useContext, useMemo, type ReactNode} from 'react';
import type {MimeRenderer} from './mimeRenderers.js';
import {OutputRenderersContext} from './OutputRenderersContext.js';

export interface PyodocsOutputRenderersProps {
  /**
   * Components by MIME type, e.g. `{'application/vnd.vegalite.v5+json': VegaLite}`,
   * in priority order. They win over the built-in renderers (and over
   * renderers registered further up the tree) for bundles that carry their type.
   */
  renderers: Readonly<Record<string, MimeRenderer>>;
  children?: ReactNode;
}

/**
 * Registers a site's own output renderers for the cells below it, e.g. for
 * `application/vnd.*` types of a plotting library. What they render is the
 * site's responsibility: the data comes from Python and is untrusted.
 */
export function PyodocsOutputRenderers({renderers, children}: PyodocsOutputRenderersProps): ReactNode {
  const outer = useContext(OutputRenderersContext);
  const value = useMemo(
    (): ReadonlyArray<readonly [string, MimeRenderer]> => [
      ...Object.entries(renderers),
      ...outer.filter(([mimeType]) => !Object.hasOwn(renderers, mimeType)),
    ],
    [renderers, outer],
  );
  return <OutputRenderersContext.Provider value={value}>{children}</OutputRenderersContext.Provider>;
}
