import path from 'node:path';
import type {Chunk, ChunkGraph, Module} from 'webpack';

/** What a NormalModule adds to a Module that matters here. */
interface ResourceModule {
  resource?: string;
  resourceResolveData?: {descriptionFileData?: {name?: unknown}};
}

/** Packages whose code (where they are imported from page chunks) only cells use. */
const CELL_PACKAGES = new Set(['@pyodocs/react', '@pyodocs/runtime', 'anser', 'dompurify', 'marked']);

/** The chunk of the cells' code that pages with cells load (below). */
export const CELLS_CHUNK = 'pyodocs-cells';
/** The chunk of the doctest blocks' own code, loaded by pages with doctest blocks (below). */
export const DOCTEST_CHUNK = 'pyodocs-doctest';

/**
 * The cells' code (components, client, output renderers, their libraries),
 * in one chunk that only pages with cells load. Without it, several pages
 * with cells share this code, Docusaurus's `common` cache group collects
 * it, and with it the small modules every MDX page shares (the MDX
 * provider): every page of the site then loads the cells' code (issue 13).
 *
 * Only page (async) chunks are split, and only modules that chunks with a
 * cell component hold, and maybe chunks those load on demand: the code
 * cells load on demand (the run code, the output renderers, the editor,
 * KaTeX) keeps its own chunks but for what it shares with the cells, which
 * is then not in two chunks; and what a chunk of pages without cells holds
 * too (a site's own use of `usePageCellCount`, Babel's helpers) stays there.
 */
export function cellsChunkCacheGroup(clientDataFile?: string) {
  // The plugin's client data (a generated JSON file the theme imports, no package's): copied into each page's chunk otherwise.
  const clientData = clientDataFile === undefined ? undefined : path.resolve(clientDataFile);
  return pageCodeCacheGroup(
    CELLS_CHUNK,
    50,
    (module) => isCellPackageModule(module) || (clientData !== undefined && module.resource === clientData),
  );
}

/**
 * The doctest blocks' own code (their component, verdicts, output area) in
 * a chunk of its own, taken the same way: pages whose cells are all plain
 * cells (most) do not load it, pages with doctest blocks load it beside
 * `pyodocs-cells`.
 */
export function doctestChunkCacheGroup() {
  // Above pyodocs-cells, which would take these modules too.
  return pageCodeCacheGroup(DOCTEST_CHUNK, 55, isDoctestModule);
}

function pageCodeCacheGroup(name: string, priority: number, takes: (module: ResourceModule) => boolean) {
  const holdsCells = new WeakMap<Chunk, boolean>();
  const chunkHoldsCells = (chunk: Chunk, chunkGraph: ChunkGraph): boolean => {
    let holds = holdsCells.get(chunk);
    if (holds === undefined) {
      holds = false;
      for (const module of chunkGraph.getChunkModulesIterable(chunk)) {
        if (isCellComponent(module as ResourceModule)) {
          holds = true;
          break;
        }
      }
      holdsCells.set(chunk, holds);
    }
    return holds;
  };
  return {
    name,
    chunks: 'async' as const,
    // Above Docusaurus's `common` (40).
    priority,
    // One chunk whatever its size or how many pages share it.
    enforce: true,
    reuseExistingChunk: true,
    test(module: Module, {chunkGraph}: {chunkGraph: ChunkGraph}): boolean {
      if (!takes(module as ResourceModule)) return false;
      let withCells = 0;
      for (const chunk of chunkGraph.getModuleChunksIterable(module)) {
        if (chunkHoldsCells(chunk, chunkGraph)) withCells += 1;
        else if (!loadedByCells(chunk, chunkGraph)) return false;
      }
      return withCells > 0;
    },
  };

  // A chunk the cells' code loads on demand (the run code, on intent or Run):
  // what it shares with the cells is already on the page, in this chunk.
  // getParents(), not parentsIterable: Rspack (Docusaurus Faster) has only the former.
  function loadedByCells(chunk: Chunk, chunkGraph: ChunkGraph): boolean {
    let parents = 0;
    for (const group of chunk.groupsIterable)
      for (const parent of group.getParents()) {
        if (!parent.chunks.some((candidate) => chunkHoldsCells(candidate, chunkGraph))) return false;
        parents += 1;
      }
    return parents > 0;
  }
}

function packageOf(module: ResourceModule): {name: string; file: string} | undefined {
  const name = module.resourceResolveData?.descriptionFileData?.name;
  if (module.resource === undefined || typeof name !== 'string') return undefined;
  return {name, file: module.resource.split(path.sep).join('/')};
}

/** The theme's cell and doctest components, and the page actions they render: what marks a chunk as one with cells. */
function isCellComponent(module: ResourceModule): boolean {
  const found = packageOf(module);
  if (found?.name !== '@pyodocs/docusaurus-plugin') return false;
  return /\/theme\/Python(Cell|Doctest|PageActions)\//.test(found.file);
}

/** The doctest blocks' own code: the theme's PythonDoctest, its label ids and @pyodocs/react's doctest/. */
export function isDoctestModule(module: ResourceModule): boolean {
  const found = packageOf(module);
  if (found?.name === '@pyodocs/docusaurus-plugin')
    return found.file.includes('/theme/PythonDoctest/') || found.file.endsWith('/themeSupport/doctestLabelIds.js');
  return found?.name === '@pyodocs/react' && found.file.includes('/doctest/');
}

/** Code of the packages cells are made of. */
export function isCellPackageModule(module: ResourceModule): boolean {
  // Babel's helpers that the site's Babel adds to our theme: copied into each page's chunk otherwise.
  // By path (helpers/esm/ has a package.json without a name). Taken only where no chunk without cells holds them (test()).
  if (module.resource?.split(path.sep).join('/').includes('/@babel/runtime/')) return true;
  const found = packageOf(module);
  if (found === undefined) return false;
  // themeSupport/: what the theme's cell components share (provider, code colours, page-actions places), copied into each page's chunk otherwise.
  if (found.name === '@pyodocs/docusaurus-plugin')
    return isCellComponent(module) || found.file.includes('/themeSupport/');
  return CELL_PACKAGES.has(found.name);
}
