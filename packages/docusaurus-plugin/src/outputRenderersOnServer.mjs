// The server bundle's stand-in for the output renderers on a site whose
// cells the scan found can have no outputs at build (serverOutputRenderers.ts).
// A cell renders them only for outputs: rendered, they fail the build (React
// reports the error to Docusaurus) instead of shipping a page without them.
// Plain ESM, not compiled: copied beside the built code (scripts/copy-assets.mjs).
const MESSAGE =
  '[pyodocs] A page rendered cell outputs while it was built, but the scan of the site before the build found no way for it to have any, ' +
  'so the build left the output renderers out. The scan reads the pages, their front matter and the files of src/ ' +
  '(execute settings, outputs props, imports of @pyodocs/react or a cell part); outputs handed to a cell from elsewhere, ' +
  'such as code outside src/ or another plugin, escape it. ' +
  'A comment that names @theme/PythonCell in any MDX page (`{/* @theme/PythonCell */}`) makes the scan keep the renderers. ' +
  'If none of this applies, please report it to pyodocs with the page.';

export function OutputBlocks() {
  throw new Error(MESSAGE);
}

export function AnsiSegments() {
  throw new Error(MESSAGE);
}

// Like outputBlocksNow's loadOutputBlocks: the component, which fails where it is rendered.
export function loadAnsiSegments() {
  return Promise.resolve(AnsiSegments);
}
