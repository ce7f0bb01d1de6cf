import type {PhrasingContent, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import type {PageContext} from '../page/PageContext.js';
import {anyRole} from './anyRole.js';
import {docRole} from './docRole.js';
import {roleBefore} from './mystRoles.js';
import {refRole} from './refRole.js';
import {TEXT_ROLES} from './textRoles.js';

/** A role as written: its name, its content (the inline code's text), and where `{name}` starts. */
export interface WrittenRole {
  name: string;
  content: string;
  start: SourcePoint | undefined;
}

/** The node a role becomes; undefined leaves it as written (after reporting why, where that is a mistake). */
export type RoleHandler = (role: WrittenRole, page: PageContext) => PhrasingContent | undefined;

const HANDLERS: Readonly<Record<string, RoleHandler>> = {...TEXT_ROLES, doc: docRole, ref: refRole, any: anyRole};
const NAMES = Object.keys(HANDLERS);

/**
 * MyST's roles other than `{math}` and `{eq}` (see mathTransform), as
 * Sphinx renders them: `{doc}`, `{ref}` and `{any}` become links to the site's
 * pages and sections, the Python domain's and the other inline roles the code,
 * text or element Sphinx shows when it has nothing to link to. A role is
 * text `{name}` (CommonMark) or the expression `{name}` (MDX) right before
 * inline code; unknown ones stay as written.
 */
export function mystRolesTransform(tree: Root, page: PageContext): void {
  // Most pages have no role: leave their tree unwalked.
  if (!page.source.includes('}`')) return;
  visit(tree, (parent) => {
    if (!('children' in parent)) return;
    const children = parent.children as PhrasingContent[];
    for (let index = 1; index < children.length; index += 1) {
      const role = roleBefore(children[index - 1], NAMES);
      const code = children[index];
      if (!role || code?.type !== 'inlineCode') continue;
      const handler = HANDLERS[role.name];
      const written = {name: role.name, content: code.value, start: roleStart(children[index - 1], role.name)};
      const replacement = handler?.(written, page);
      if (!replacement) continue;
      if (code.position) replacement.position = code.position;
      const before = role.rest;
      children.splice(index - 1, 2, ...(before ? [before] : []), replacement);
      if (!before) index -= 1;
    }
  });
}

/** Where the role's `{name}` starts: the end of the text it closes, or the MDX expression. */
function roleStart(node: PhrasingContent | undefined, name: string): SourcePoint | undefined {
  const position = node?.position;
  if (!position) return undefined;
  if (node.type !== 'text') return {line: position.start.line, column: position.start.column};
  return {line: position.end.line, column: position.end.column - `{${name}}`.length};
}
