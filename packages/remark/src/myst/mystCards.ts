import type {BlockContent, Code, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import type {Position} from 'unist';
import type {PageContext} from '../page/PageContext.js';
import {readDirectiveBody} from './directiveOptions.js';
import {mystDirectiveName} from './mystAdmonitions.js';
import {documentLink} from './docRole.js';
import {mystFigureNode} from './mystFigures.js';
import {expressionAttribute, stringAttribute} from '../element/elementAttributes.js';
import {markupElement} from '../element/markupElement.js';

// sphinx-design's cards and grids, the blocks MyST sites put their landing
// pages in, made of the classic theme's own Infima classes: a card is
// `.card` with `.card__header`, `.card__body`, `.card__footer`; a grid is a
// `.row` of `.col col--N` columns (stacked on narrow screens, as Infima's
// columns are).

/** The sphinx-design directives made here. */
export const CARD_DIRECTIVES: ReadonlySet<string> = new Set(['card', 'grid', 'grid-item', 'grid-item-card']);

/**
 * Their options. Those that only style sphinx-design's own theme (`class-*`,
 * margins, paddings, gutters, outlines, directions) are accepted and have
 * no effect here; the classic theme's classes lay the blocks out.
 */
const LOOK_OPTIONS = ['margin', 'padding', 'outline', 'class-container', 'class-row', 'class-item', 'class-card'];
const CARD_OPTIONS = [
  'link',
  'link-type',
  'link-alt',
  'img-top',
  'img-bottom',
  'img-alt',
  'shadow',
  'text-align',
  'width',
  'class-header',
  'class-body',
  'class-footer',
  'class-title',
  'class-img-top',
  'class-img-bottom',
  ...LOOK_OPTIONS,
];
const OPTIONS: Readonly<Record<string, readonly string[]>> = {
  card: CARD_OPTIONS,
  grid: ['gutter', 'reverse', ...LOOK_OPTIONS],
  'grid-item': ['columns', 'child-direction', 'child-align', 'class', ...LOOK_OPTIONS],
  'grid-item-card': ['columns', ...CARD_OPTIONS],
};

/** How a directive's body becomes the page's nodes: Markdown at its file line, colon fences in it included. */
export type ParseContainer = (markdown: string, firstLine: number, openLine: number) => RootContent[];

/**
 * A `{card}`, `{grid}`, `{grid-item}` or `{grid-item-card}` fence (backticks
 * or colons) as the element that shows it; undefined when its options are
 * wrong (reported). A grid makes its items at once, since their columns are
 * its own; a grid item outside a grid is one column of a row of its own.
 */
export function mystCardNode(
  node: Code,
  directive: string,
  page: PageContext,
  parseContainer: ParseContainer,
  gridColumns: number | undefined = undefined,
): MdxJsxFlowElement | undefined {
  const start = node.position?.start;
  const body = readDirectiveBody(
    directive,
    node.value,
    OPTIONS[directive] ?? [],
    start && {bodyLine: start.line + 1, column: 1},
    page.problems,
  );
  if (body.invalid) return undefined;
  const option = (name: string) => body.options.find((candidate) => candidate.name === name)?.value;
  const optionLines = body.content === '' ? 0 : node.value.split('\n').length - body.content.split('\n').length;
  const firstLine = start ? start.line + 1 + optionLines : 0;
  const openLine = start?.line ?? 0;
  const argument = node.meta?.trim() ?? '';

  if (directive === 'grid') {
    const columns = lastNumber(argument) ?? 1;
    const items = parseContainer(body.content, firstLine, openLine).map((child) => {
      const name = child.type === 'code' ? mystDirectiveName(child.lang) : undefined;
      if (child.type === 'code' && (name === 'grid-item' || name === 'grid-item-card')) {
        return mystCardNode(child, name, page, parseContainer, columns) ?? child;
      }
      return child;
    });
    return element('div', 'row pyodocs-grid', items, node.position);
  }

  // An item's `:columns:` is its width out of 12; the grid's argument, how many items a row holds.
  const ownWidth = lastNumber(option('columns') ?? '');
  const width = Math.max(1, Math.min(12, ownWidth ?? Math.floor(12 / (gridColumns ?? 1))));
  const column = (children: RootContent[]) => {
    const made = element('div', `col col--${width} margin-bottom--lg`, children, node.position);
    return gridColumns === undefined ? element('div', 'row pyodocs-grid', [made], node.position) : made;
  };
  if (directive === 'grid-item') return column(parseContainer(body.content, firstLine, openLine));
  // In a grid, the cards of a row are as tall as its tallest, as in sphinx-design.
  const inGrid = directive === 'grid-item-card';
  const card = cardElement(
    argument,
    body.content,
    firstLine,
    openLine,
    option,
    page,
    parseContainer,
    node.position,
    inGrid,
  );
  if (!card) return undefined;
  return directive === 'card' ? card : column([card]);
}

/** A card: its image, header (above `^^^`), title, body, footer (below `+++`); a link (`:link:`) makes the whole card one. */
function cardElement(
  title: string,
  content: string,
  firstLine: number,
  openLine: number,
  option: (name: string) => string | undefined,
  page: PageContext,
  parseContainer: ParseContainer,
  position: Position | undefined,
  fillColumn: boolean,
): MdxJsxFlowElement | undefined {
  const lines = content.split('\n');
  const headerEnd = lines.findIndex((line) => /^\^{3,}\s*$/.test(line));
  const footerStart = lines.findIndex((line, at) => at > headerEnd && /^\+{3,}\s*$/.test(line));
  const part = (from: number, to: number) =>
    parseContainer(lines.slice(from, to).join('\n'), firstLine + from, openLine);
  const bodyFrom = headerEnd + 1;
  const bodyTo = footerStart === -1 ? lines.length : footerStart;
  const children: RootContent[] = [];
  const image = (url: string | undefined, placement: 'top' | 'bottom') =>
    url === undefined ? [] : cardImage(url, option('img-alt') ?? '', placement, page, position);
  children.push(...image(option('img-top'), 'top'));
  if (headerEnd !== -1) children.push(element('div', 'card__header', part(0, headerEnd), undefined));
  // The title is inline Markdown, bold as sphinx-design's theme shows it.
  const [titleParagraph] = title ? parseContainer(title, openLine, openLine) : [];
  const titleNodes: RootContent[] =
    titleParagraph?.type === 'paragraph'
      ? [
          element(
            'div',
            'pyodocs-card__title',
            [{type: 'paragraph', children: [{type: 'strong', children: titleParagraph.children}]}],
            undefined,
          ),
        ]
      : [];
  children.push(element('div', 'card__body', [...titleNodes, ...part(bodyFrom, bodyTo)], undefined));
  if (footerStart !== -1) children.push(element('div', 'card__footer', part(footerStart + 1, lines.length), undefined));
  children.push(...image(option('img-bottom'), 'bottom'));

  const shadow = option('shadow') ?? 'sm';
  const classes = [
    'card',
    'pyodocs-card',
    ...(shadow === 'none' ? [] : [`shadow--${shadow === 'lg' ? 'tl' : shadow === 'md' ? 'md' : 'lw'}`]),
  ];
  const align = option('text-align');
  const style = {
    ...(align && ['left', 'right', 'center', 'justify'].includes(align) ? {textAlign: align} : {}),
    ...(fillColumn ? {height: '100%'} : {}),
  };
  const link = option('link');
  if (link === undefined) return element('div', classes.join(' '), children, position, emptyToUndefined(style));
  const url = cardLinkUrl(link, option('link-type') ?? 'url', page, position);
  if (url === undefined) return undefined;
  // The whole card is the link, as in sphinx-design; inline styles, so that its text is not link-coloured on any page.
  const card = element('a', [...classes, 'pyodocs-card--link'].join(' '), children, position, {
    color: 'inherit',
    textDecoration: 'none',
    ...style,
  });
  card.attributes.push({type: 'mdxJsxAttribute', name: 'href', value: url});
  const alt = option('link-alt');
  if (alt) card.attributes.push({type: 'mdxJsxAttribute', name: 'aria-label', value: alt});
  return card;
}

/** Where a card links: a URL as written, a page (`link-type: doc`) or a label (`link-type: ref`) of the site. */
function cardLinkUrl(
  link: string,
  type: string,
  page: PageContext,
  position: Position | undefined,
): string | undefined {
  const place = position && {line: position.start.line, column: position.start.column};
  if (type === 'url') return link;
  if (type === 'doc') {
    const found = documentLink(page, link, undefined, `{card} :link: ${link}`, place);
    return found?.type === 'link' ? found.url : found === undefined ? link : '#';
  }
  if (type === 'ref') {
    const fromPage = page.includeStack[0];
    const found = fromPage === undefined ? undefined : page.options.resolveReference?.(link, fromPage);
    if (found) return found.url;
    if (!page.options.resolveReference) return `#${link}`;
    page.problems.report(
      'pyodocs:unknown-reference',
      `{card} :link: ${link} (link-type ref) names no label of this site: no page has the target (${link})= .`,
      place,
    );
    return undefined;
  }
  page.problems.report(
    'pyodocs:invalid-directive',
    `{card} :link-type: ${type} is not one sphinx-design knows: write url (the default), doc or ref.`,
    place,
  );
  return undefined;
}

/** A card's image, bundled as an `{image}` is (the same options and checks). */
function cardImage(
  url: string,
  alt: string,
  placement: 'top' | 'bottom',
  page: PageContext,
  position: Position | undefined,
): RootContent[] {
  // Decorative unless `img-alt` says what it shows, as in sphinx-design.
  const options = [`:alt: ${alt === '' ? '""' : alt}`, `:class: card__image pyodocs-card__image--${placement}`];
  const image: Code = {type: 'code', lang: '{image}', meta: url, value: options.join('\n')};
  if (position) image.position = position;
  return mystFigureNode(image, 'image', page, () => []) ?? [];
}

/** The last number of a sphinx-design columns argument (`1 2 2 3`: 3 on wide screens, which Infima's columns are). */
function lastNumber(text: string): number | undefined {
  const numbers = text
    .trim()
    .split(/\s+/)
    .map(Number)
    .filter((value) => Number.isInteger(value) && value > 0);
  return numbers.at(-1);
}

function emptyToUndefined(style: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(style).length === 0 ? undefined : style;
}

/** A card's or a grid's element: Infima's classes, and a style where one is given. */
function element(
  name: string,
  className: string,
  children: RootContent[],
  position: Position | undefined,
  style?: Record<string, string>,
): MdxJsxFlowElement {
  const attributes = [stringAttribute('className', className), ...(style ? [expressionAttribute('style', style)] : [])];
  const made = markupElement(name, attributes, children as BlockContent[]);
  if (position) made.position = position;
  return made;
}
