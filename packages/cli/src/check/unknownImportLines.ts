import type {PageManifest} from '@pyodocs/remark';

/**
 * Where the page imports modules no package source provides: each module
 * once, at the first import of it in the page (a line of the page's text
 * found from the block's start, else the block's line).
 */
export function unknownImportLines(
  manifest: PageManifest,
  unknownModules: readonly string[],
  source: string,
): Array<{module: string; line: number | undefined}> {
  const unknown = new Set(unknownModules);
  const lines = source.split(/\r?\n/);
  const found: Array<{module: string; line: number | undefined}> = [];
  const seen = new Set<string>();
  for (const cell of manifest.cells) {
    for (const module of new Set(cell.imports.map((name) => name.split('.')[0] ?? name))) {
      if (!unknown.has(module) || seen.has(module)) continue;
      seen.add(module);
      found.push({module, line: importLine(lines, cell.position?.line, module, cell.source ?? cell.code)});
    }
  }
  return found;
}

function importLine(
  lines: readonly string[],
  blockLine: number | undefined,
  module: string,
  code: string,
): number | undefined {
  if (blockLine === undefined) return undefined;
  const name = module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const statement = new RegExp(
    `^\\s*(?:(?:>>>|\\.\\.\\.)\\s+)?(?:import\\s+(?:[^#]*[\\s,])?${name}\\b|from\\s+${name}\\b)`,
  );
  const end = Math.min(lines.length, blockLine + code.split('\n').length + 20);
  for (let index = blockLine; index < end; index += 1) {
    if (statement.test(lines[index] ?? '')) return index + 1;
  }
  return blockLine;
}
