import type {Root, RootContent} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {SKIP, visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {assignCellIds, type PendingCellId} from './cell/assignCellIds.js';
import {createCellElement} from './cell/createCellElement.js';
import {insertComponentImport} from './esm/insertComponentImport.js';
import {readPageSettings} from './frontMatter/readPageSettings.js';
import type {PageManifest, PageManifestCell} from './manifest/PageManifest.js';
import {locateFenceMeta} from './meta/locateFenceMeta.js';
import {parseFenceMeta} from './meta/parseFenceMeta.js';
import {resolvePythonCellsOptions, type RemarkPythonCellsOptions} from './options/resolveOptions.js';
import {mergePackageNames} from './packages/packageNames.js';
import {relativePagePath} from './page/relativePagePath.js';
import {PageProblems} from './problems/PageProblems.js';

interface CellRecord extends PendingCellId {
  manifest: PageManifestCell;
}

/**
 * Replace the page's runnable python fences with cell elements, set
 * `file.data.pyodocs` (the page manifest) and report authoring problems as
 * vfile messages; with `onError: 'throw'` (default) any problem ends in one
 * thrown fatal message listing them all.
 */
export function pythonCellsTransform(tree: Root, file: VFile, options?: RemarkPythonCellsOptions | null): void {
  const resolved = resolvePythonCellsOptions(options);
  const problems = new PageProblems(file);
  const manifest: PageManifest = {cells: [], sessions: [], packages: []};
  file.data.pyodocs = manifest;

  const page = readPageSettings(tree, file);
  for (const problem of page.problems) {
    problems.report(problem.ruleId, problem.message, problem.place);
  }
  if (!page.settings.enabled) {
    finish(problems, resolved.onError);
    return;
  }

  const source = String(file.value);
  const runnable = page.settings.runnable ?? resolved.runnable;
  const pagePath = relativePagePath(file);
  const pageSession = page.settings.session ?? (pagePath ? `page:${pagePath}` : 'page');
  const explicitIds = new Map<string, number | undefined>();
  const cells: CellRecord[] = [];

  visit(tree, 'code', (node, index, parent) => {
    const mystCell = node.data?.pyodocsCell;
    if (!mystCell && (!node.lang || !resolved.languages.has(node.lang.toLowerCase()))) return;
    if (parent?.type === 'mdxJsxFlowElement' && parent.name === resolved.componentName) {
      // Already a cell (the plugin ran twice on this tree): keep it, and keep
      // it in the manifest and its id taken.
      const existing = readCellAttributes(parent.attributes);
      if (existing) {
        cells.push({
          explicitId: existing.id,
          code: existing.code,
          manifest: {...existing, ...pointOf(parent.position?.start)},
          setId() {},
        });
        explicitIds.set(existing.id, parent.position?.start.line);
      }
      return;
    }

    const meta = parseFenceMeta(node.meta);
    const metaPoint = locateFenceMeta(source, node);
    const fenceStart = node.position?.start;
    const pointAt = (offset: number) =>
      metaPoint ? metaPoint(offset) : fenceStart && {line: fenceStart.line, column: fenceStart.column};

    for (const problem of meta.problems) {
      problems.report(problem.ruleId, problem.message, pointAt(problem.start));
    }
    if (meta.problems.length > 0) return;

    // MyST {code-cell}s always run (unless tagged skip-execution).
    const isRunnable = mystCell ? mystCell.runnable : runnable === 'all' ? !meta.norun : meta.run;
    if (!isRunnable) return;

    if (meta.id !== undefined) {
      if (explicitIds.has(meta.id)) {
        const item = meta.items.find((candidate) => candidate.kind === 'pair' && candidate.name === 'id');
        const firstLine = explicitIds.get(meta.id);
        problems.report(
          'pyodocs:duplicate-cell-id',
          `Cell id "${meta.id}" is already used on this page${firstLine ? ` (line ${firstLine})` : ''}. Give each cell a unique id.`,
          pointAt(item?.start ?? 0),
        );
        return;
      }
      explicitIds.set(meta.id, fenceStart?.line);
    }

    if (!parent || typeof index !== 'number') return;
    const session = meta.session ?? pageSession;
    const packages = mergePackageNames(page.settings.packages, meta.packages);
    const element = createCellElement(resolved.componentName, node, meta.passthroughMeta, {
      id: '',
      code: node.value,
      session,
      packages,
      tags: mystCell?.tags,
      timeout: meta.timeout,
    });
    const idAttribute = element.attributes[0] as MdxJsxAttribute;
    const manifestCell: PageManifestCell = {
      id: '',
      session,
      code: node.value,
      ...(packages.length > 0 ? {packages} : {}),
      ...pointOf(fenceStart),
    };
    cells.push({
      explicitId: meta.id,
      code: node.value,
      manifest: manifestCell,
      setId(id) {
        idAttribute.value = id;
        manifestCell.id = id;
      },
    });
    (parent.children as RootContent[]).splice(index, 1, element);
    // The new element holds the original fence: skip past it, not into it.
    return [SKIP, index + 1];
  });

  // Ids last: a generated id must not take an explicit id that comes later.
  assignCellIds(cells);
  for (const cell of cells) {
    manifest.cells.push(cell.manifest);
    if (!manifest.sessions.includes(cell.manifest.session)) {
      manifest.sessions.push(cell.manifest.session);
    }
  }
  manifest.packages = mergePackageNames(...manifest.cells.map((cell) => cell.packages));

  if (cells.length > 0 && resolved.importSource !== undefined) {
    insertComponentImport(tree, resolved.componentName, resolved.importSource);
  }
  finish(problems, resolved.onError);
}

function pointOf(point: {line: number; column: number} | undefined): Pick<PageManifestCell, 'position'> {
  return point ? {position: {line: point.line, column: point.column}} : {};
}

function readCellAttributes(
  attributes: MdxJsxFlowElement['attributes'],
): {id: string; code: string; session: string; packages?: string[]} | undefined {
  const value = (name: string) => {
    const attribute = attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
    return typeof attribute?.value === 'string' ? attribute.value : undefined;
  };
  const id = value('id');
  const code = value('code');
  const session = value('session');
  const packages = value('packages')
    ?.split(',')
    .filter((name) => name !== '');
  return id !== undefined && code !== undefined && session !== undefined
    ? {id, code, session, ...(packages && packages.length > 0 ? {packages} : {})}
    : undefined;
}

function finish(problems: PageProblems, onError: 'throw' | 'warn'): void {
  if (onError === 'throw') problems.throwIfAny();
}
