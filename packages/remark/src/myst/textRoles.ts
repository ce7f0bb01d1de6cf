import type {InlineCode, Link, Text} from 'mdast';
import type {MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import type {RoleHandler} from './mystRolesTransform.js';
import {textAndTarget} from './mystRoles.js';

// The inline roles of MyST and Sphinx that need no site-wide knowledge, shown
// as Sphinx shows them when it has nothing to link to (no intersphinx here):
// a Python object as code, `print()` with its parentheses; a file name or a
// command as code; keys, sub- and superscripts and abbreviations as their
// HTML elements; PEPs and RFCs as links to their official pages.

const code = (value: string): InlineCode => ({type: 'inlineCode', value});
const text = (value: string): Text => ({type: 'text', value});
const element = (name: string, value: string, title?: string): MdxJsxTextElement => ({
  type: 'mdxJsxTextElement',
  name,
  attributes: title === undefined ? [] : [{type: 'mdxJsxAttribute', name: 'title', value: title}],
  children: [text(value)],
});

/** `{func}`, `{meth}`, …: the object's name as code (`~` keeps its last part, `!` is dropped, functions get `()`). */
function pythonObject(callable: boolean): RoleHandler {
  return ({content}) => {
    const {text: given, target} = textAndTarget(content);
    if (given !== undefined) return code(given);
    let name = target.replace(/^!/, '');
    if (name.startsWith('~')) name = name.slice(1).split('.').at(-1) ?? name;
    name = name.replace(/^\./, '');
    return code(callable && !name.endsWith(')') ? `${name}()` : name);
  };
}

/** `{pep}`8`` and `{rfc}`2616``: "PEP 8" linking the PEP (an `#anchor` after the number is kept). */
function numberedDocument(label: string, example: number, url: (number: number) => string): RoleHandler {
  return ({name, content, start}, page) => {
    const {text: given, target} = textAndTarget(content);
    const match = /^(\d+)(#[\w-]+)?$/.exec(target);
    if (!match) {
      page.problems.report(
        'pyodocs:invalid-role',
        `{${name}}\`${content}\`: a ${label} is named by its number, as in {${name}}\`${example}\` (a section after it: \`${example}#section\`).`,
        start,
      );
      return undefined;
    }
    const number = Number(match[1]);
    const link: Link = {
      type: 'link',
      url: url(number) + (match[2] ?? ''),
      children: [text(given ?? `${label} ${number}`)],
    };
    return link;
  };
}

const asCode: RoleHandler = ({content}) => code(content);
const asText: RoleHandler = ({content}) => {
  const written = textAndTarget(content);
  return text(written.text ?? written.target);
};

const PYTHON_OBJECTS: Record<string, boolean> = {
  func: true,
  meth: true,
  class: false,
  mod: false,
  attr: false,
  exc: false,
  data: false,
  obj: false,
  const: false,
  type: false,
};

export const TEXT_ROLES: Readonly<Record<string, RoleHandler>> = {
  // Not `{py:func}`: remark-directive has already read `:func` as a directive there.
  ...Object.fromEntries(Object.entries(PYTHON_OBJECTS).map(([name, callable]) => [name, pythonObject(callable)])),
  code: asCode,
  file: asCode,
  samp: asCode,
  command: asCode,
  program: asCode,
  envvar: asCode,
  option: asCode,
  keyword: asCode,
  mimetype: asCode,
  regexp: asCode,
  term: asText,
  // An index entry shows its text (a leading ! marks the main entry); there is no generated index page to list it in.
  index: ({content}) => {
    const written = textAndTarget(content);
    return text(written.text ?? written.target.replace(/^!/, ''));
  },
  guilabel: ({content}) => text(content.replace(/&(.)/g, '$1')),
  kbd: ({content}) => element('kbd', content),
  sub: ({content}) => element('sub', content),
  sup: ({content}) => element('sup', content),
  abbr: ({content}) => {
    const match = /^(.*?)\s*\((.*)\)$/.exec(content.trim());
    return match ? element('abbr', match[1] ?? '', match[2]) : element('abbr', content);
  },
  pep: numberedDocument('PEP', 8, (number) => `https://peps.python.org/pep-${String(number).padStart(4, '0')}/`),
  rfc: numberedDocument('RFC', 2616, (number) => `https://datatracker.ietf.org/doc/html/rfc${number}.html`),
} satisfies Record<string, RoleHandler>;
