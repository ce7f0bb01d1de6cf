import type {Heading, PhrasingContent, Root} from 'mdast';
import type {MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import {createSlugger} from '@docusaurus/utils';
import {removedHeadingIds} from '@pyodocs/remark';
import {visit} from 'unist-util-visit';

/** The estree shapes of Docusaurus's `export const toc = [{value, id, level}, …]` that this plugin reads. */
interface EstreeNode {
  type: string;
  [key: string]: unknown;
}

/**
 * unified plugin, after `remarkPythonCells`: Docusaurus makes a page's table
 * of contents (its `toc` export, HTML strings) in its own remark plugins,
 * before ours, from the headings as written; `## The $\chi^2$ test` or a
 * `{math}` role in a heading was TeX source there (issue 11), and so was any
 * other role (`{index}`, `{ref}`, `{func}`). The entries of headings that
 * now hold typeset math, or that Docusaurus wrote with a role's markup, are
 * made again from the heading as it is now, the math as the KaTeX HTML the
 * page shows (its stylesheet is on the page); a heading with a role also gets
 * the id its rendered text makes. Entries of headings the pass found to be
 * display math go.
 */
export function remarkTocMath(options: {maintainCase?: boolean} = {}) {
  return (tree: Root): void => {
    dropRemovedHeadings(tree);
    const entries = tocEntries(tree);
    if (entries.length === 0) return;
    const headings = new Map<string, Heading>();
    visit(tree, 'heading', (heading) => {
      const id = headingId(heading);
      if (id !== undefined) headings.set(id, heading);
    });
    for (const entry of entries) {
      const id = propertyValue(entry, 'id');
      const heading = typeof id === 'string' ? headings.get(id) : undefined;
      const value = property(entry, 'value');
      const written = propertyValue(entry, 'value');
      const stale = typeof written === 'string' && ROLE_AS_WRITTEN.test(written);
      if (heading && value && (stale || containsMath(heading))) {
        value['value'] = {type: 'Literal', value: headingHtml(heading.children).trim()};
      }
      if (heading && stale && typeof id === 'string')
        renameFromRenderedText(heading, entry, id, written, headings, options);
    }
  };
}

/**
 * A heading's id made from its text as written, with a role's markup
 * (`indexcompiling-functions-single-compiling-functions`), is made again
 * from its text as rendered (`compiling-functions`), as MyST and Sphinx name
 * it, unless it was not made from the text (an explicit `{#id}`) or another
 * heading of the page has that id. The entry follows.
 */
function renameFromRenderedText(
  heading: Heading,
  entry: EstreeNode,
  id: string,
  written: string,
  headings: Map<string, Heading>,
  options: {maintainCase?: boolean},
): void {
  if (createSlugger().slug(htmlText(written), options) !== id) return;
  const renamed = createSlugger().slug(plainText(heading.children), options);
  if (renamed === '' || headings.has(renamed)) return;
  const data = (heading.data ?? {}) as {id?: string; hProperties?: Record<string, unknown>};
  heading.data = {...data, id: renamed, hProperties: {...data.hProperties, id: renamed}} as Heading['data'];
  headings.delete(id);
  headings.set(renamed, heading);
  const idProperty = property(entry, 'id');
  if (idProperty) idProperty['value'] = {type: 'Literal', value: renamed};
}

/** The id Docusaurus's headings plugin gave a heading (`data.id`, and `hProperties.id`). */
function headingId(heading: Heading): string | undefined {
  const data = heading.data as {id?: unknown; hProperties?: {id?: unknown}} | undefined;
  const id = data?.id ?? data?.hProperties?.id;
  return typeof id === 'string' ? id : undefined;
}

/** A heading's text, as Docusaurus slugs it (mdast-util-to-string's). */
function plainText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) =>
      'value' in node && typeof node.value === 'string'
        ? node.value
        : 'children' in node
          ? plainText(node.children as PhrasingContent[])
          : '',
    )
    .join('');
}

/** The text of an entry's HTML (Docusaurus's toc value): tags dropped, entities read. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

/** A MyST role as Docusaurus wrote it into an entry, from the heading as written: `{index}<code>NumPy</code>`. */
const ROLE_AS_WRITTEN = /\{[a-z][\w:-]*\}<code>/;

/**
 * Lines of MyST display math that CommonMark had read as a heading (TeX over
 * a line of `=` or `-`) are math since the remark pass
 * (`removedHeadingIds`): their entries go, or the table of contents
 * would link to TeX source that is no longer a heading.
 */
function dropRemovedHeadings(tree: Root): void {
  const removed = new Set(removedHeadingIds(tree));
  if (removed.size === 0) return;
  const list = tocList(tree);
  if (!list) return;
  list['elements'] = (list['elements'] as EstreeNode[]).filter((element) => {
    const id = element?.type === 'ObjectExpression' ? propertyValue(element, 'id') : undefined;
    return typeof id !== 'string' || !removed.has(id);
  });
}

/** The object expressions of the page's `export const toc = [...]`, if Docusaurus's toc plugin made one. */
function tocEntries(tree: Root): EstreeNode[] {
  return ((tocList(tree)?.['elements'] as EstreeNode[] | undefined) ?? []).filter(
    (e) => e?.type === 'ObjectExpression',
  );
}

/** The array expression of the page's `export const toc = [...]`. */
function tocList(tree: Root): EstreeNode | undefined {
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    const [statement] = ((node.data?.estree as EstreeNode | undefined)?.['body'] as EstreeNode[] | undefined) ?? [];
    const declaration = statement?.['declaration'] as EstreeNode | undefined;
    const [declarator] = (declaration?.['declarations'] as EstreeNode[] | undefined) ?? [];
    const name = (declarator?.['id'] as EstreeNode | undefined)?.['name'];
    const init = declarator?.['init'] as EstreeNode | undefined;
    if (statement?.type === 'ExportNamedDeclaration' && name === 'toc' && init?.type === 'ArrayExpression') return init;
  }
  return undefined;
}

function property(object: EstreeNode, name: string): EstreeNode | undefined {
  return ((object['properties'] as EstreeNode[] | undefined) ?? []).find((candidate) => {
    const key = candidate['key'] as EstreeNode | undefined;
    return candidate.type === 'Property' && (key?.['name'] === name || key?.['value'] === name);
  });
}

function propertyValue(object: EstreeNode, name: string): unknown {
  const value = property(object, name)?.['value'] as EstreeNode | undefined;
  return value?.type === 'Literal' ? value['value'] : undefined;
}

function containsMath(heading: Heading): boolean {
  let found = false;
  visit(heading, 'mdxJsxTextElement', (element) => {
    if (mathHtml(element) !== undefined) found = true;
  });
  return found;
}

/** The KaTeX HTML of an inline math element of the remark pass (`data-pyodocs-math`), else undefined. */
function mathHtml(element: MdxJsxTextElement): string | undefined {
  const attribute = (name: string) =>
    element.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
  const html = attribute('dangerouslySetInnerHTML')?.value;
  if (attribute('data-pyodocs-math') === undefined || typeof html !== 'object' || html === null) return undefined;
  try {
    const parsed = JSON.parse(html.value) as {__html?: unknown};
    return typeof parsed.__html === 'string' ? parsed.__html : undefined;
  } catch {
    return undefined;
  }
}

/** A heading's content as the HTML of a TOC entry, as Docusaurus writes it (text, code, emphasis; links as their text). */
function headingHtml(children: readonly PhrasingContent[]): string {
  return children
    .map((node): string => {
      switch (node.type) {
        case 'text':
          return escapeHtml(node.value);
        case 'inlineCode':
          return `<code>${escapeHtml(node.value)}</code>`;
        case 'emphasis':
          return `<em>${headingHtml(node.children)}</em>`;
        case 'strong':
          return `<strong>${headingHtml(node.children)}</strong>`;
        case 'delete':
          return `<del>${headingHtml(node.children)}</del>`;
        case 'link':
          return headingHtml(node.children);
        case 'mdxJsxTextElement': {
          const math = mathHtml(node);
          return math === undefined ? headingHtml(node.children) : `<span class="pyodocs-math">${math}</span>`;
        }
        default:
          return 'value' in node && typeof node.value === 'string' ? escapeHtml(node.value) : '';
      }
    })
    .join('');
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
