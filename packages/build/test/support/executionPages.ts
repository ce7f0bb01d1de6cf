import type {PageManifest} from '@pyodocs/remark';
import type {ExecutableCell} from '../../src/index.js';

/** A manifest cell with what the tests do not care about filled in (imports must be given when the code has any). */
export function cell(fields: Partial<ExecutableCell> & Pick<ExecutableCell, 'id' | 'code'>): ExecutableCell {
  return {kind: 'cell', session: 'page', imports: [], packages: [], tags: [], ...fields};
}

/** A doctest block: `source` as documented, `code` its examples without prompts. */
export function doctest(fields: Partial<ExecutableCell> & {id: string; source: string}): ExecutableCell {
  const code = fields.source
    .split('\n')
    .filter((line) => line.startsWith('>>> ') || line.startsWith('... '))
    .map((line) => line.slice(4))
    .join('\n');
  return cell({kind: 'doctest', code, ...fields});
}

/** A page manifest of `cells` (sessions, packages and imports gathered as remark does). */
export function page(path: string, cells: ExecutableCell[]): PageManifest {
  return {
    path,
    cells,
    sessions: Array.from(new Set(cells.map((item) => item.session))),
    packages: Array.from(new Set(cells.flatMap((item) => item.packages))),
    imports: Array.from(new Set(cells.flatMap((item) => item.imports))).sort(),
    notebook: cells.map((item) => ({type: 'code', id: item.id})),
    includes: [],
  };
}
