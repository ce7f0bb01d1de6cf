/**
 * KaTeX's stylesheet, loaded with KaTeX on the first math output: a dynamic
 * import that bundlers handling CSS (webpack, Vite) turn into a stylesheet
 * of its own. A site without such a bundler should link katex.min.css itself.
 *
 * The one module of this package a host may replace whole (same export):
 * the Docusaurus plugin serves a copy of the stylesheet and its fonts and
 * links it instead, so that no CSS chunk loader sits in every page.
 */
export function loadKatexStylesheet(): Promise<unknown> {
  return import('katex/dist/katex.min.css');
}
