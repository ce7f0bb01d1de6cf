import type katex from '../../vendor/katex.js';
import {loadKatexStylesheet} from './katexStylesheet.js';

type Katex = typeof katex;

let loading: Promise<Katex> | null = null;

/**
 * KaTeX and its stylesheet, fetched on the first math output and shared by
 * every cell. The dynamic imports keep both out of the page bundle: bundlers
 * split them into their own chunk, like the code editor. KaTeX resolves once
 * its stylesheet has arrived too, so math never shows unstyled.
 */
export function loadKatex(): Promise<Katex> {
  loading ??= Promise.all([import('../../vendor/katex.js'), loadKatexStylesheet()]).then(
    ([module]) => (module as {default?: Katex}).default ?? (module as unknown as Katex),
    (error: unknown) => {
      // Let a later output try again (the reader may be back online).
      loading = null;
      throw error;
    },
  );
  return loading;
}
