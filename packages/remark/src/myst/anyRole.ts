import type {RoleHandler} from './mystRolesTransform.js';
import {brokenReference, textAndTarget} from './mystRoles.js';
import {docRole} from './docRole.js';
import {refRole} from './refRole.js';

/**
 * Sphinx's `{any}` role: whatever its target names, a label (as `{ref}`)
 * first, then a page (as `{doc}`). With neither resolver it stays as written;
 * a target that is neither is a broken reference, as for those roles.
 */
export const anyRole: RoleHandler = (role, page) => {
  const {resolveReference, resolveDocument} = page.options;
  const fromPage = page.includeStack[0];
  if ((!resolveReference && !resolveDocument) || fromPage === undefined) return undefined;
  const {text, target} = textAndTarget(role.content);
  if (target !== '' && resolveReference?.(target, fromPage)) return refRole(role, page);
  if (target !== '' && resolveDocument?.(target, fromPage)) return docRole(role, page);
  return brokenReference(
    page,
    'pyodocs:unknown-reference',
    `{any}\`${role.content}\` names no label and no page of this site. Write the target (label)= of a section, or another page's path relative to this one without its extension.`,
    role.start,
    text ?? target,
  );
};
