import type {Link} from 'mdast';
import type {RoleHandler} from './mystRolesTransform.js';
import {brokenReference, intersphinxHint, textAndTarget} from './mystRoles.js';

/** A labelled place of the site (a `(label)=` target), as a `{ref}` role links it. */
export interface LinkedReference {
  /** The page and the target's anchor (`#label` on the linking page itself). */
  url: string;
  /** The title of the section the label is above; undefined when it is above no heading. */
  title: string | undefined;
  /** The file the label is in (absolute): told to `onFileRead`, so the linking page follows it. */
  file?: string | undefined;
}

/** Finds the target `(label)=` a `{ref}` role names, in any page of the site; `fromPage` as for `ResolveDocument`. */
export type ResolveReference = (label: string, fromPage: string) => LinkedReference | undefined;

/**
 * The MyST `{ref}` role, as Sphinx reads it: {ref}`tut-informal` links the
 * section whose heading has the target `(tut-informal)=` above it, with the
 * heading's text; {ref}`text <label>` with the text given (needed when the
 * label is above no heading). Labels are matched as Sphinx matches them,
 * without regard to case. Only with `resolveReference`; a label no page has
 * is an authoring problem, as a broken link is to Docusaurus.
 */
export const refRole: RoleHandler = (role, page) => {
  const resolve = page.options.resolveReference;
  const fromPage = page.includeStack[0];
  if (!resolve || fromPage === undefined) return undefined;
  const {text, target} = textAndTarget(role.content);
  const found = target === '' ? undefined : resolve(target, fromPage);
  if (found?.file !== undefined) page.options.onFileRead?.({page: fromPage, file: found.file, exists: true});
  if (!found) {
    return brokenReference(
      page,
      'pyodocs:unknown-reference',
      `{ref}\`${role.content}\` names no label of this site: no page has the target (${target})= . Put that line above the heading of the section you mean, or link it with [text](page.md#anchor).${intersphinxHint(target)}`,
      role.start,
      text ?? target,
    );
  }
  const title = text ?? found.title;
  if (title === undefined) {
    page.problems.report(
      'pyodocs:unknown-reference',
      `{ref}\`${role.content}\`: the target ${target} is above no heading (or is a figure without a caption), so the link has no title to show. Give it its text: {ref}\`text <${target}>\`.`,
      role.start,
    );
    return undefined;
  }
  const link: Link = {type: 'link', url: found.url, children: [{type: 'text', value: title}]};
  return link;
};
