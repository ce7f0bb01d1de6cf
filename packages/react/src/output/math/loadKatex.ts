import type katex from '../../vendor/katex.js';
import {onDemandModule} from '../lazyChunk.js';
import {loadKatexStylesheet} from './katexStylesheet.js';

type Katex = typeof katex;

/**
 * KaTeX and its stylesheet, fetched on the first math output and shared by
 * every cell; a failed load is tried again by the next output (the reader
 * may be back online). The dynamic imports keep both out of the page bundle:
 * bundlers split them into their own chunk, like the code editor. KaTeX
 * resolves once its stylesheet has arrived too, so math never shows unstyled.
 */
export const [loadKatex] = onDemandModule(() =>
  Promise.all([import('../../vendor/katex.js'), loadKatexStylesheet()]).then(
    ([module]) => (module as {default?: Katex}).default ?? (module as unknown as Katex),
  ),
);
