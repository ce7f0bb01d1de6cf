import type {Code, Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {SKIP, visit} from 'unist-util-visit';
import {readElementAttribute as read} from '../element/elementAttributes.js';
import {staticCode} from '../element/staticCode.js';
import {findTopLevelImports} from '../imports/findImports.js';
import {fenceMetaPlace} from '../meta/fenceMetaPlace.js';
import {parseFenceMeta} from '../meta/parseFenceMeta.js';
import type {ExecuteMode} from '../frontMatter/readPageSettings.js';
import {mergePackageNames} from '../packages/packageNames.js';
import type {PageBlock, PageContext} from '../page/PageContext.js';
import {createDoctestElement} from './createDoctestElement.js';
import {isDoctestFence} from './isDoctestFence.js';
import {DoctestSyntaxError, doctestSourceCode, parseDoctest} from './parseDoctest.js';

/**
 * Doctest blocks (```` ```pycon ```` or Python starting with `>>> `) become
 * `<PyodocsDoctest id source code session>` elements around the original code
 * block: the documented example stays as written, and the component adds a
 * "Try it" button that runs it. The examples are parsed here (doctest's own
 * parser, ported), so `code` is what the live cell shows; a block doctest
 * cannot parse is a problem. Blocks opted out (`notry`, page
 * `pyodide.doctest: false`, or not marked `try` in `'marked'` mode) stay
 * static; their meta is checked all the same.
 */
export function doctestTransform(tree: Root, page: PageContext): void {
  if (!page.settings.enabled) return;
  const {options} = page;

  visit(tree, 'code', (node, index, parent) => {
    if (parent?.type === 'mdxJsxFlowElement' && parent.name === options.doctestComponentName) {
      registerMadeElement(page, parent);
      return;
    }
    if (!parent || typeof index !== 'number' || !isDoctestFence(node, options.languages)) return;
    const meta = parseFenceMeta(node.meta, 'doctest');
    const place = fenceMetaPlace(page.source, node);
    for (const problem of meta.problems) page.problems.report(problem.ruleId, problem.message, place(problem.start));
    if (meta.problems.length > 0) return;

    const tryIt = page.doctest === 'all' ? !meta.notry : page.doctest === 'marked' && meta.try;
    if (!tryIt) {
      (parent.children as RootContent[]).splice(index, 1, staticCode(node, meta.passthroughMeta));
      return;
    }
    const code = examplesCode(page, node);
    if (code === undefined) return;
    const session = meta.session ?? page.defaultSession;
    const packages = mergePackageNames(page.settings.packages, meta.packages);
    const element = createDoctestElement(options.doctestComponentName, node, meta.passthroughMeta, {
      id: '',
      source: node.value,
      code,
      session,
      packages,
      timeout: meta.timeout,
    });
    const execute = meta.execute ?? page.execute;
    if (execute) element.data = {...element.data, pyodocsExecute: execute};
    const idItem = meta.items.find((item) => item.kind === 'pair' && item.name === 'id');
    page.blocks.set(element, {
      kind: 'doctest',
      element,
      original: node,
      explicitId: meta.id,
      idPlace: idItem && place(idItem.start),
      cell: doctestCell(node.value, code, session, packages, meta.timeout, execute, node.position?.start),
    });
    (parent.children as RootContent[]).splice(index, 1, element);
    return [SKIP, index + 1];
  });
}

/** The examples' sources without prompts; undefined (and a problem reported) when doctest cannot parse the block. */
function examplesCode(page: PageContext, node: Code): string | undefined {
  try {
    return doctestSourceCode(parseDoctest(node.value));
  } catch (error) {
    if (!(error instanceof DoctestSyntaxError)) throw error;
    const start = node.position?.start;
    page.problems.report(
      'pyodocs:invalid-doctest',
      `doctest cannot read this block: ${error.problem}. Fix the example, or mark the block notry to show it without "Try it".`,
      // The block's lines start on the line after the opening fence.
      start && {line: start.line + 1 + error.line, column: start.column},
    );
    return undefined;
  }
}

function doctestCell(
  source: string,
  code: string,
  session: string,
  packages: string[],
  timeout: number | undefined,
  execute: ExecuteMode | undefined,
  start: {line: number; column: number} | undefined,
): PageBlock['cell'] {
  return {
    kind: 'doctest',
    session,
    code,
    source,
    imports: findTopLevelImports(code),
    packages,
    tags: [],
    ...(timeout === undefined ? {} : {timeout}),
    ...(execute === undefined ? {} : {execute}),
    ...(start ? {position: {line: start.line, column: start.column}} : {}),
  };
}

/** An element made by an earlier run on this tree: kept as it is, in the manifest, its id taken. */
function registerMadeElement(page: PageContext, element: MdxJsxFlowElement): void {
  // Made by this pass (in a file the page includes): already registered.
  if (page.blocks.has(element)) return;
  const id = read.string(element, 'id');
  const source = read.string(element, 'source');
  const code = read.string(element, 'code');
  const session = read.string(element, 'session');
  if (id === undefined || source === undefined || code === undefined || session === undefined) return;
  const packages = read.stringList(element, 'packages') ?? [];
  const timeout = read.number(element, 'timeout');
  page.blocks.set(element, {
    kind: 'doctest',
    element,
    original: undefined,
    explicitId: id,
    idPlace: undefined,
    cell: doctestCell(source, code, session, packages, timeout, element.data?.pyodocsExecute, element.position?.start),
  });
}
