import {createContext} from 'react';
import type {MimeRenderer} from './mimeRenderers.js';

/** Renderers a site registered, by MIME type, in priority order (see PyodocsOutputRenderers). */
export const OutputRenderersContext = createContext<ReadonlyArray<readonly [string, MimeRenderer]>>([]);
