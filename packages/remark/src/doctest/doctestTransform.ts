import type {Code, Root, RootContent} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {SKIP, visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {assignCellIds, type PendingCellId} from '../cell/assignCellIds.js';
import {insertComponentImport} from '../esm/insertComponentImport.js';
import {readPageSettings} from '../frontMatter/readPageSettings.js';
import {tokenizeFenceMeta} from '../meta/tokenizeFenceMeta.js';
import {CELL_ID, SESSION_NAME} from '../page/cellNames.js';
import {relativePagePath} from '../page/relativePagePath.js';
import {isDoctestFence} from './isDoctestFence.js';

export interface DoctestTransformOptions {
  /** `'all'`: every doctest block gets "Try it" unless marked `notry`; `'marked'`: only blocks marked `try`. */
  tryIt: 'all' | 'marked';
  /** JSX name of the doctest element. */
  componentName: string;
  /** When set, pages with doctest blocks import the component from here. */
  importSource: string | undefined;
  /** Fence languages that are Python (a Python fence starting with `>>> ` is a doctest block). */
  languages: ReadonlySet<string>;
}

const OUR_KEYS = new Set(['try', 'notry', 'run', 'norun', 'session', 'id']);

/**
 * Doctest blocks (```` ```pycon ```` or Python starting with `>>> `) become
 * `<PyodocsDoctest id source session>` elements around the original code
 * block: the documented example stays as written, and the component adds a
 * "Try it" button that runs it. Blocks opted out (`notry`, page
 * `pyodide.doctest: false`, or not marked `try` in `'marked'` mode) are left
 * as they are.
 */
export function doctestTransform(tree: Root, file: VFile, options: DoctestTransformOptions): void {
  const page = readPageSettings(tree, file).settings;
  if (!page.enabled || page.doctest === false) return;
  const tryIt = page.doctest ?? options.tryIt;
  const pagePath = relativePagePath(file);
  const pageSession = page.session ?? (pagePath ? `page:${pagePath}` : 'page');
  const pending: PendingCellId[] = [];

  visit(tree, 'code', (node, index, parent) => {
    if (!parent || typeof index !== 'number') return;
    if (parent.type === 'mdxJsxFlowElement' && parent.name === options.componentName) return;
    if (!isDoctestFence(node, options.languages)) return;
    const {items} = tokenizeFenceMeta(node.meta ?? '');
    const flag = (name: string) => items.some((item) => item.kind === 'flag' && item.name === name);
    const value = (name: string) => {
      const item = items.find((candidate) => candidate.kind === 'pair' && candidate.name === name);
      return item?.kind === 'pair' ? item.value : undefined;
    };
    const wanted = tryIt === 'all' ? !flag('notry') : flag('try');
    const passthrough = items
      .filter((item) => item.kind === 'range' || !OUR_KEYS.has(item.name))
      .map((item) => item.raw)
      .join(' ');
    const staticCode: Code = {...node, meta: passthrough === '' ? null : passthrough};
    if (!wanted) {
      (parent.children as RootContent[]).splice(index, 1, staticCode);
      return;
    }
    const session = value('session');
    const id = value('id');
    const idAttribute: MdxJsxAttribute = {type: 'mdxJsxAttribute', name: 'id', value: ''};
    const element: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name: options.componentName,
      attributes: [
        idAttribute,
        {type: 'mdxJsxAttribute', name: 'source', value: node.value},
        {
          type: 'mdxJsxAttribute',
          name: 'session',
          value: session !== undefined && SESSION_NAME.test(session) ? session : pageSession,
        },
      ],
      children: [staticCode],
    };
    if (node.position) element.position = node.position;
    pending.push({
      explicitId: id !== undefined && CELL_ID.test(id) ? id : undefined,
      code: node.value,
      setId(assigned) {
        idAttribute.value = assigned.startsWith('py-') ? `doctest-${assigned.slice(3)}` : assigned;
      },
    });
    (parent.children as RootContent[]).splice(index, 1, element);
    return [SKIP, index + 1];
  });

  assignCellIds(pending);
  if (pending.length > 0 && options.importSource !== undefined) {
    insertComponentImport(tree, options.componentName, options.importSource);
  }
}
