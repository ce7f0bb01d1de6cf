import type {Code, List, ListItem, Paragraph, PhrasingContent, RootContent} from 'mdast';
import type {PageContext} from '../page/PageContext.js';
import {readDirectiveBody} from './directiveOptions.js';
import {labelAnchor} from './labelAnchor.js';
import {documentLink} from './docRole.js';
import {textAndTarget} from './mystRoles.js';

/**
 * Its options. `maxdepth`, `titlesonly` and `includehidden` shape the
 * sections Sphinx lists under each page; here each entry is its page alone,
 * so they change nothing.
 */
const OPTIONS = [
  'maxdepth',
  'caption',
  'hidden',
  'numbered',
  'titlesonly',
  'glob',
  'reversed',
  'name',
  'includehidden',
];

/**
 * Sphinx's `{toctree}` in a MyST page: the pages it lists, as a list of
 * links with their titles (`Title <page>` gives its own; a URL is an
 * external link; `self` is the page itself, left out), under its
 * `:caption:`; `:numbered:` numbers them, `:reversed:` turns the order
 * around. A `:hidden:` one only builds Sphinx's navigation, which the
 * site's sidebar is here: it shows nothing. An entry that is no page of the
 * site is a broken link, as a `{doc}` to it is; glob patterns are reported,
 * since the pages they match are Sphinx's to find. Without `resolveDocument`
 * the directive stays as written (undefined).
 */
export function mystToctree(node: Code, page: PageContext): RootContent[] | undefined {
  if (!page.options.resolveDocument) return undefined;
  const start = node.position?.start;
  const bodyLine = start ? start.line + 1 : 0;
  const body = readDirectiveBody('toctree', node.value, OPTIONS, start && {bodyLine, column: 1}, page.problems);
  if (body.invalid) return undefined;
  const option = (name: string) => body.options.find((candidate) => candidate.name === name);
  if (option('hidden')) return [];
  const optionLines = body.content === '' ? 0 : node.value.split('\n').length - body.content.split('\n').length;
  const items: ListItem[] = [];
  let problem = false;
  body.content.split('\n').forEach((line, at) => {
    const entry = line.trim();
    if (entry === '' || entry === 'self') return;
    const place = start && {line: bodyLine + optionLines + at, column: line.indexOf(entry) + 1};
    const {text, target} = textAndTarget(entry);
    if (/^[a-z][a-z\d+.-]*:\/\//i.test(target)) {
      items.push(listItem({type: 'link', url: target, children: [{type: 'text', value: text ?? target}]}));
      return;
    }
    if (/[*?[]/.test(target)) {
      page.problems.report(
        'pyodocs:invalid-directive',
        `This {toctree} entry is a glob pattern (${target}), which pyodocs does not expand: list the pages it should match, one a line.`,
        place,
      );
      problem = true;
      return;
    }
    const link = documentLink(page, target, text, `The {toctree} entry "${entry}"`, place);
    if (link === undefined) problem = true;
    else items.push(listItem(link));
  });
  if (problem) return undefined;
  if (option('reversed')) items.reverse();
  const list: List = {type: 'list', ordered: option('numbered') !== undefined, spread: false, children: items};
  const caption = option('caption')?.value;
  const made: RootContent[] = caption
    ? [{type: 'paragraph', children: [{type: 'strong', children: [{type: 'text', value: caption}]}]}, list]
    : [list];
  // Where the directive was: the downloaded notebook keeps it as written.
  for (const block of made) {
    if (node.position) block.position = node.position;
    block.data = {...block.data, pyodocsFromMarkdown: true};
  }
  const name = option('name')?.value;
  return name ? [labelAnchor(name, node.position), ...made] : made;
}

function listItem(content: PhrasingContent): ListItem {
  const paragraph: Paragraph = {type: 'paragraph', children: [content]};
  return {type: 'listItem', spread: false, children: [paragraph]};
}
