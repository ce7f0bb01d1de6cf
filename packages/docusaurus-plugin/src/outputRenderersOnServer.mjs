// The server bundle's stand-in for the output renderers on a site whose
// cells the scan found can have no outputs at build (serverOutputRenderers.ts).
// A cell renders them only for outputs: rendered, they fail the build (React
// reports the error to Docusaurus) instead of shipping a page without them.
// Plain ESM, not compiled: copied beside the built code (scripts/copy-assets.mjs).
const MESSAGE =
  '[pyodocs] A page rendered cell outputs while it was built, but the scan of the site before the build found no way for it to have any ' +
  '(execute is off and no page sets it, hands a cell outputs or includes other files; no code in src/ imports @pyodocs/react), ' +
  'so the build left the output renderers out. This is a bug in pyodocs: please report it with the page. ' +
  'Until it is fixed, front matter `pyodide: {execute: off}` on any page makes the scan keep them.';

export function OutputBlocks() {
  throw new Error(MESSAGE);
}

export function AnsiSegments() {
  throw new Error(MESSAGE);
}

export function loadAnsiSegments() {
  return Promise.reject(new Error(MESSAGE));
}
