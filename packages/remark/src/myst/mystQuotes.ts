import type {Blockquote, Code, Paragraph, RootContent} from 'mdast';

/** The block quotes of docutils that are directives, each a class of its `<blockquote>`. */
export const QUOTE_DIRECTIVES: ReadonlySet<string> = new Set(['epigraph', 'pull-quote', 'highlights']);

/**
 * `{epigraph}`, `{pull-quote}` and `{highlights}` as docutils writes them: a
 * block quote with the directive's name as its class (a theme styles them
 * apart); in an epigraph or a pull-quote, a last paragraph starting with
 * `--` or `—` is the attribution (`<p class="attribution">— Name</p>`).
 * `parseBody` parses the content (page lines from `firstLine`).
 */
export function mystQuote(
  node: Code,
  directive: string,
  parseBody: (markdown: string, firstLine: number) => RootContent[],
): Blockquote {
  const fence = node.position?.start;
  const children = parseBody(node.value, fence ? fence.line + 1 : 0);
  const last = children.at(-1);
  if (directive !== 'highlights' && last?.type === 'paragraph') markAttribution(last);
  const quote: Blockquote = {
    type: 'blockquote',
    children: children as Blockquote['children'],
    data: withClass(directive),
  };
  if (node.position) quote.position = node.position;
  return quote;
}

function markAttribution(paragraph: Paragraph): void {
  const first = paragraph.children[0];
  const dash = first?.type === 'text' ? /^(?:-{2,3}|\u2014)[ \t]+/.exec(first.value) : null;
  if (!dash || first?.type !== 'text') return;
  first.value = `\u2014 ${first.value.slice(dash[0].length)}`;
  paragraph.data = {...paragraph.data, ...withClass('attribution')};
}

/** The data remark-rehype makes the element's class of (`hProperties`, which mdast's own types do not declare). */
function withClass(className: string): Blockquote['data'] & Paragraph['data'] {
  return {hProperties: {className: [className]}} as unknown as Blockquote['data'] & Paragraph['data'];
}
