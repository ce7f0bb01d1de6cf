import {findTopLevelImports} from '../imports/findImports.js';
import {pipInstallPackages} from '../imports/pipInstallPackages.js';
import type {PageManifestCell} from './PageManifest.js';

/** What a cell or doctest block says about itself; the rest of its manifest entry is derived. */
export interface BlockFacts {
  kind: PageManifestCell['kind'];
  session: string;
  code: string;
  /** Doctest only: the block exactly as documented. */
  source?: string;
  packages: string[];
  tags: string[];
  timeout: number | undefined;
  execute: PageManifestCell['execute'];
}

/** A block's manifest entry but for the id: its imports found in its code, unset fields left out, its start (if known) as its position. */
export function blockManifestEntry(
  block: BlockFacts,
  start: {line: number; column: number} | undefined,
): Omit<PageManifestCell, 'id'> {
  const {kind, session, code, source, packages, tags, timeout, execute} = block;
  return {
    kind,
    session,
    code,
    ...(source === undefined ? {} : {source}),
    imports: findTopLevelImports(code),
    // What `%pip install` names is declared too: bundled, and loaded before the build runs the cell.
    packages: [...new Set([...packages, ...pipInstallPackages(code)])],
    tags,
    ...(timeout === undefined ? {} : {timeout}),
    ...(execute === undefined ? {} : {execute}),
    ...(start ? {position: {line: start.line, column: start.column}} : {}),
  };
}
