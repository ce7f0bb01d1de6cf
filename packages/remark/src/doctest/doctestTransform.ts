import type {Code, Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {visit} from 'unist-util-visit';
import {readElementAttribute as read} from '../element/elementAttributes.js';
import {staticCode} from '../element/staticCode.js';
import {blockManifestEntry} from '../manifest/blockManifestEntry.js';
import {fenceMetaPlace} from '../meta/fenceMetaPlace.js';
import {parseFenceMeta} from '../meta/parseFenceMeta.js';
import {mergePackageNames} from '../packages/packageNames.js';
import type {PageContext} from '../page/PageContext.js';
import {replaceFenceWithBlock} from '../page/replaceFenceWithBlock.js';
import {createDoctestElement} from './createDoctestElement.js';
import {hasNoLanguage, isDoctestFence} from './isDoctestFence.js';
import {DoctestSyntaxError, doctestSourceCode, parseDoctest} from './parseDoctest.js';

/**
 * Doctest blocks (```` ```pycon ````, or Python or no language starting with `>>> `) become
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
    const cell = blockManifestEntry(
      {
        kind: 'doctest',
        session,
        code,
        source: node.value,
        packages,
        tags: [],
        timeout: meta.timeout,
        execute: meta.execute ?? page.execute,
      },
      node.position?.start,
    );
    return replaceFenceWithBlock(page, {node, parent, index, meta, place}, element, cell);
  });
}

/** The examples' sources without prompts; undefined (and a problem reported) when doctest cannot parse the block. */
function examplesCode(page: PageContext, node: Code): string | undefined {
  try {
    return doctestSourceCode(parseDoctest(node.value));
  } catch (error) {
    if (!(error instanceof DoctestSyntaxError)) throw error;
    // Taken for a doctest by its prompt alone: the author asked for nothing, the block stays as written.
    if (hasNoLanguage(node)) return undefined;
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
    cell: blockManifestEntry(
      {kind: 'doctest', session, code, source, packages, tags: [], timeout, execute: element.data?.pyodocsExecute},
      element.position?.start,
    ),
  });
}
