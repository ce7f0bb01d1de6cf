import type {Expression, Program} from 'estree';
import type {BlockContent, Code, RootContent} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {expressionAttribute, stringAttribute} from '../element/elementAttributes.js';
import type {PageContext} from '../page/PageContext.js';
import {type DirectiveOption, readDirectiveBody} from './directiveOptions.js';
import {cssLength} from './cssLength.js';
import {labelAnchor} from './labelAnchor.js';
import {markupElement} from '../element/markupElement.js';

/** Where an image is, as the page's bundler loads it: what `resolveImage` answers. */
export interface ImageAsset {
  /** A module request whose default export is the image's URL (`require(module).default`); or */
  module?: string | undefined;
  /** the URL itself. */
  url?: string | undefined;
  /** The image's own size in pixels, where known: the `<img>`'s width and height (no layout shift), and what `:scale:` scales. */
  width?: number | undefined;
  height?: number | undefined;
  /** Its file (absolute): told to `onFileRead`, so the page is compiled again when it changes. */
  file?: string | undefined;
}

/**
 * Finds the image a MyST `{image}` or `{figure}` shows: `url` as written
 * (relative to the page, from the site with a leading `/`, or a URL),
 * `fromPage` the page's absolute path, `compiler` the bundler's compilation
 * the page is compiled for (Docusaurus: 'client' or 'server'). Undefined
 * when there is no such file. Unset, the image's URL is used as written.
 */
export type ResolveImage = (url: string, fromPage: string, compiler: string | undefined) => ImageAsset | undefined;

const IMAGE_OPTIONS = ['alt', 'height', 'width', 'scale', 'align', 'target', 'class', 'name', 'loading'] as const;
const FIGURE_OPTIONS = [...IMAGE_OPTIONS, 'figwidth', 'figclass'] as const;
const ALIGNMENTS = ['left', 'center', 'right'] as const;

/**
 * MyST's `{image}` and `{figure}` directives (backtick or colon fences): an
 * `<img>`, or a `<figure>` with the image, its caption (the first paragraph
 * of the body) and legend (the rest) in a `<figcaption>`, as Sphinx writes
 * them. The image comes from `resolveImage` (the Docusaurus plugin bundles
 * a local file as Markdown images are, with their width and height), or is
 * the URL as written. Options as in MyST: `alt`, `width`, `height`,
 * `scale`, `align`, `target` (a link), `class`, `name` (an anchor before
 * the element, for links), `loading`; a figure's `figwidth` and `figclass`.
 * Unknown options, bad values and a missing file are reported with their
 * place; the directive then stays as written.
 */
export function mystFigureNode(
  node: Code,
  directive: 'image' | 'figure',
  page: PageContext,
  parseBody: (markdown: string, firstLine: number) => RootContent[],
): RootContent[] | undefined {
  const start = node.position?.start;
  const bodyLine = start ? start.line + 1 : 0;
  const at = start && {bodyLine, column: 1};
  const known = directive === 'figure' ? FIGURE_OPTIONS : IMAGE_OPTIONS;
  const body = readDirectiveBody(directive, node.value, known, at, page.problems);
  const url = node.meta?.trim() ?? '';
  const fencePlace = start && {line: start.line, column: start.column};
  if (url === '') {
    page.problems.report(
      'pyodocs:invalid-directive',
      `This {${directive}} names no image. Write its path or URL after the directive name: \`{${directive}} images/plot.png\`.`,
      fencePlace,
    );
    return undefined;
  }
  if (body.invalid) return undefined;
  const options = optionValues(body.options);
  const image = imageAsset(url, page, fencePlace);
  if (!image) return undefined;

  const sizes = imageSize(options, image, page);
  if (!sizes) return undefined;
  const align = alignment(options.get('align'), page);
  if (align === null) return undefined;
  const img =
    directive === 'image'
      ? imgElement(image, options, sizes, {align, alt: url})
      : // Its caption says what the image shows.
        imgElement(image, options, sizes, {align: undefined, alt: ''});
  // `name` is a label: an anchor before the element, as a `(label)=` target is (Docusaurus checks links against anchors).
  const name = options.get('name')?.value;
  const anchor = name ? [labelAnchor(name, node.position)] : [];
  const target = options.get('target')?.value;
  const shown: MdxJsxFlowElement = target
    ? markupElement('a', [stringAttribute('href', target)], [img as unknown as BlockContent])
    : img;

  if (directive === 'image') return [...anchor, withPosition(shown, node)];

  const figwidth = options.get('figwidth');
  const width = figwidth?.value === 'image' ? sizes.width : figwidth && cssLength(figwidth, page);
  if (width === null) return undefined;
  const blocks =
    body.content.trim() === '' ? [] : parseBody(body.content, bodyLine + bodyOffset(node.value, body.content));
  const [caption, ...legend] = blocks;
  const captionChildren: BlockContent[] = [];
  if (caption) captionChildren.push(caption as BlockContent);
  if (legend.length > 0)
    captionChildren.push(
      markupElement(
        'div',
        [stringAttribute('className', 'legend')],
        legend as BlockContent[],
      ) as unknown as BlockContent,
    );
  const figure = markupElement(
    'figure',
    [
      stringAttribute('className', ['pyodocs-figure', options.get('figclass')?.value].filter(Boolean).join(' ')),
      expressionAttribute('style', {...figureAlignment(align ?? 'center'), ...(width ? {width} : {})}),
    ],
    [
      shown as unknown as BlockContent,
      ...(captionChildren.length > 0
        ? [markupElement('figcaption', [], captionChildren) as unknown as BlockContent]
        : []),
    ],
  );
  return [...anchor, withPosition(figure, node)];
}

type Options = ReadonlyMap<string, DirectiveOption>;

function optionValues(options: readonly DirectiveOption[]): Options {
  return new Map(options.map((option) => [option.name, option]));
}

/** The image as the page's bundler has it; undefined (reported) when there is no such file. */
function imageAsset(
  url: string,
  page: PageContext,
  place: {line: number; column: number} | undefined,
): ImageAsset | undefined {
  const resolve = page.options.resolveImage;
  const fromPage = page.includeStack[0];
  if (!resolve || fromPage === undefined || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) return {url};
  const found = resolve(url, fromPage, page.compiler);
  if (found?.file !== undefined) page.options.onFileRead?.({page: fromPage, file: found.file, exists: true});
  if (found) return found;
  const message = `There is no image "${url}": a path is relative to this page (or, with a leading "/", to the top of its docs folder or to the site's static folder). Check the file's name and folder.`;
  const handle = page.options.onBrokenImage;
  if (handle === 'throw') {
    page.problems.report('pyodocs:missing-image', message, place);
    return undefined;
  }
  // As a broken Markdown image under onBrokenMarkdownImages: 'warn': told (once: see tellsWarnings), and shown with its URL as written.
  if (page.tellsWarnings) handle(page.problems.describe(message, place));
  return {url};
}

interface Sizes {
  width: string | undefined;
  height: string | undefined;
}

/** The `<img>`'s CSS width and height from `:width:`, `:height:` and `:scale:` (and the image's own size); null when reported. */
function imageSize(options: Options, image: ImageAsset, page: PageContext): Sizes | null {
  const widthOption = options.get('width');
  const heightOption = options.get('height');
  const width = widthOption ? cssLength(widthOption, page) : undefined;
  const height = heightOption ? cssLength(heightOption, page) : undefined;
  if (width === null || height === null) return null;
  const scaleOption = options.get('scale');
  if (!scaleOption) return {width, height};
  const scale = /^(\d+(?:\.\d+)?)\s*%?$/.exec(scaleOption.value ?? '')?.[1];
  if (scale === undefined) {
    page.problems.report(
      'pyodocs:invalid-directive',
      `The "scale" option must be a percentage such as 50%, got ${JSON.stringify(scaleOption.value ?? '')}.`,
      scaleOption.place,
    );
    return null;
  }
  const factor = Number(scale) / 100;
  const scaled = (length: string | undefined, own: number | undefined): string | undefined => {
    const match = length === undefined ? undefined : /^(\d+(?:\.\d+)?)(.*)$/.exec(length);
    if (match) return `${round(Number(match[1]) * factor)}${match[2]}`;
    return own === undefined ? undefined : `${round(own * factor)}px`;
  };
  if (width === undefined && height === undefined && image.width === undefined) {
    page.problems.report(
      'pyodocs:invalid-directive',
      `"scale" needs the image's size, which is not known for ${image.url ?? 'this image'}: give "width" or "height" instead.`,
      scaleOption.place,
    );
    return null;
  }
  return {
    width: scaled(width, height === undefined ? image.width : undefined),
    height: scaled(height, width === undefined ? image.height : undefined),
  };
}

/** `:align:`; null when reported. */
function alignment(
  option: DirectiveOption | undefined,
  page: PageContext,
): (typeof ALIGNMENTS)[number] | undefined | null {
  if (!option) return undefined;
  const value = option.value?.trim() as (typeof ALIGNMENTS)[number];
  if (ALIGNMENTS.includes(value)) return value;
  page.problems.report(
    'pyodocs:invalid-directive',
    `The "align" option must be left, center or right, got ${JSON.stringify(option.value ?? '')}.`,
    option.place,
  );
  return null;
}

/** The `<img>`: `alt` is the text when the directive gives none (docutils' is the image's URL). */
function imgElement(
  image: ImageAsset,
  options: Options,
  sizes: Sizes,
  {align, alt}: {align: string | undefined; alt: string},
): MdxJsxFlowElement {
  const attributes: MdxJsxAttribute[] = [
    image.module ? requireAttribute('src', image.module) : stringAttribute('src', image.url ?? ''),
  ];
  attributes.push(stringAttribute('alt', options.get('alt')?.value ?? alt));
  // The image's own size keeps its place while it loads; a MyST size replaces it.
  if (sizes.width === undefined && sizes.height === undefined) {
    if (image.width !== undefined) attributes.push(stringAttribute('width', String(image.width)));
    if (image.height !== undefined) attributes.push(stringAttribute('height', String(image.height)));
  }
  const style: Record<string, string> = {};
  if (sizes.width) style['width'] = sizes.width;
  if (sizes.height) style['height'] = sizes.height;
  Object.assign(style, imageAlignment(align));
  if (Object.keys(style).length > 0) attributes.push(expressionAttribute('style', style));
  const className = options.get('class')?.value;
  if (className) attributes.push(stringAttribute('className', className));
  const loading = options.get('loading')?.value;
  if (loading) attributes.push(stringAttribute('loading', loading));
  return markupElement('img', attributes, []);
}

function imageAlignment(align: string | undefined): Record<string, string> {
  if (align === 'center') return {display: 'block', marginInline: 'auto'};
  if (align === 'left' || align === 'right')
    return {float: align, margin: align === 'left' ? '0 1em 1em 0' : '0 0 1em 1em'};
  return {};
}

function figureAlignment(align: string): Record<string, string> {
  if (align === 'center') return {marginInline: 'auto', textAlign: 'center'};
  if (align === 'left') return {float: 'left', margin: '0 1em 1em 0'};
  return {float: 'right', margin: '0 0 1em 1em'};
}

/** Lines the options took before the body's content. */
function bodyOffset(value: string, content: string): number {
  return content === '' ? 0 : value.split('\n').length - content.split('\n').length;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `name={require("module").default}`, as Docusaurus writes a Markdown image's source. */
function requireAttribute(name: string, module: string): MdxJsxAttribute {
  const expression: Expression = {
    type: 'MemberExpression',
    object: {
      type: 'CallExpression',
      callee: {type: 'Identifier', name: 'require'},
      arguments: [{type: 'Literal', value: module}],
      optional: false,
    },
    property: {type: 'Identifier', name: 'default'},
    computed: false,
    optional: false,
  };
  return expressionAttributeOf(name, `require(${JSON.stringify(module)}).default`, expression);
}

function expressionAttributeOf(name: string, source: string, expression: Expression): MdxJsxAttribute {
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    comments: [],
    body: [{type: 'ExpressionStatement', expression}],
  };
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {type: 'mdxJsxAttributeValueExpression', value: source, data: {estree: program}},
  };
}

function withPosition<T extends RootContent>(made: T, node: Code): T {
  if (node.position) made.position = node.position;
  return made;
}
