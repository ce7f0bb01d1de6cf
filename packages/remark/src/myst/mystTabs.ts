import type {BlockContent, Code, Root, RootContent} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import type {Position} from 'unist';
import {visit} from 'unist-util-visit';
import type {PageContext} from '../page/PageContext.js';
import {readDirectiveBody} from './directiveOptions.js';

/** The sphinx-design directives that become tabs. */
export const TAB_DIRECTIVES: ReadonlySet<string> = new Set(['tab-set', 'tab-item']);
/**
 * Their options: `sync-group`/`sync` key tabs that switch together, `selected` opens a tab first; the `class`
 * ones (HTML hooks of sphinx-design's theme) and a tab's `name` (a label inside a tab that may be hidden) are
 * accepted and have no effect here.
 */
const TAB_SET_OPTIONS = ['sync-group', 'class'];
const TAB_ITEM_OPTIONS = ['sync', 'selected', 'name', 'class', 'class-container', 'class-label', 'class-content'];

/** The names the page imports the components under (`tabComponents` gives where from). */
export const TABS_COMPONENT = 'PyodocsTabs';
export const TAB_ITEM_COMPONENT = 'PyodocsTabItem';

/** What a `{tab-item}` says of itself, read from its options. */
interface TabItemData {
  label: string;
  sync: string | undefined;
  selected: boolean;
}

declare module 'mdast-util-mdx-jsx' {
  interface MdxJsxFlowElementData {
    /** A `{tab-item}` made here: its label and keys, settled into props once the whole set is known. */
    pyodocsTabItem?: TabItemData;
  }
}

/**
 * A `{tab-set}` or `{tab-item} Label` (the fence, backticks or colons made
 * one): the tabs component with its body, parsed by `parseContainer` (the
 * page's Markdown at its file line, colon fences in it included); undefined
 * when the site gives no tab components (it stays as written) or its
 * options are wrong (reported).
 */
export function mystTabNode(
  node: Code,
  directive: string,
  page: PageContext,
  parseContainer: (markdown: string, firstLine: number, openLine: number) => RootContent[],
): MdxJsxFlowElement | undefined {
  if (!page.options.tabComponents || !node.position) return undefined;
  const start = node.position.start;
  const known = directive === 'tab-set' ? TAB_SET_OPTIONS : TAB_ITEM_OPTIONS;
  const body = readDirectiveBody(directive, node.value, known, {bodyLine: start.line + 1, column: 1}, page.problems);
  if (body.invalid) return undefined;
  const optionLines = body.content === '' ? 0 : node.value.split('\n').length - body.content.split('\n').length;
  const children = parseContainer(body.content, start.line + 1 + optionLines, start.line);
  const option = (name: string) => body.options.find((candidate) => candidate.name === name);
  if (directive === 'tab-set') return tabSetNode(option('sync-group')?.value, children, node.position);
  const item = {
    label: node.meta?.trim() || 'Tab',
    sync: option('sync')?.value,
    selected: option('selected') !== undefined,
  };
  return tabItemNode(item, children, node.position);
}

/**
 * A `{tab-set}` as Docusaurus's Tabs (`:sync-group:` its `groupId`, so
 * that sets of one group switch together and the choice is remembered);
 * its children, `{tab-item}`s, are settled by `settleTabSets` once the page
 * is transformed.
 */
function tabSetNode(
  syncGroup: string | undefined,
  children: RootContent[],
  position: Position | undefined,
): MdxJsxFlowElement {
  const attributes: MdxJsxAttribute[] = syncGroup ? [{type: 'mdxJsxAttribute', name: 'groupId', value: syncGroup}] : [];
  return withPosition(
    {
      type: 'mdxJsxFlowElement',
      name: TABS_COMPONENT,
      attributes,
      children: children as BlockContent[],
      data: {pyodocsFromMarkdown: true},
    },
    position,
  );
}

/** A `{tab-item} Label` as Docusaurus's TabItem; `value` and `default` come in `settleTabSets`. */
function tabItemNode(item: TabItemData, children: RootContent[], position: Position | undefined): MdxJsxFlowElement {
  return withPosition(
    {
      type: 'mdxJsxFlowElement',
      name: TAB_ITEM_COMPONENT,
      attributes: [],
      children: children as BlockContent[],
      data: {pyodocsFromMarkdown: true, pyodocsTabItem: item},
    },
    position,
  );
}

/**
 * Gives each tab its `label`, its `value` (the `:sync:` key, else its label
 * made a key, unique in its set) and `default` (`:selected:`), and reports
 * what Docusaurus's Tabs cannot show: a tab set holding anything but tab
 * items, a tab item outside a tab set. Returns whether the page has tabs
 * (then it imports the components).
 */
export function settleTabSets(tree: Root, page: PageContext): boolean {
  let found = false;
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement, _index, parent) => {
    if (node.name === TAB_ITEM_COMPONENT && !(parent?.type === 'mdxJsxFlowElement' && parent.name === TABS_COMPONENT)) {
      page.problems.report(
        'pyodocs:invalid-directive',
        'This {tab-item} is not in a {tab-set}. Put the tab items of one choice in a ::::{tab-set} (with more colons than theirs).',
        node.position?.start,
      );
    }
    if (node.name !== TABS_COMPONENT) return;
    found = true;
    const values = new Set<string>();
    for (const child of node.children) {
      const item = child.type === 'mdxJsxFlowElement' ? child.data?.pyodocsTabItem : undefined;
      if (child.type !== 'mdxJsxFlowElement' || !item) {
        page.problems.report(
          'pyodocs:invalid-directive',
          'A {tab-set} holds only {tab-item}s: move this into one of its tabs, or out of the set.',
          child.position?.start ?? node.position?.start,
        );
        continue;
      }
      const base =
        item.sync ??
        (item.label
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '') ||
          'tab');
      let value = base;
      for (let count = 2; values.has(value); count += 1) value = `${base}-${count}`;
      values.add(value);
      child.attributes = [
        {type: 'mdxJsxAttribute', name: 'value', value},
        {type: 'mdxJsxAttribute', name: 'label', value: item.label},
        ...(item.selected ? [{type: 'mdxJsxAttribute' as const, name: 'default', value: null}] : []),
      ];
    }
  });
  return found;
}

function withPosition(node: MdxJsxFlowElement, position: Position | undefined): MdxJsxFlowElement {
  if (position) node.position = position;
  return node;
}
