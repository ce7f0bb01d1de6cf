import type {Link, Text} from 'mdast';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import type {PageContext} from '../page/PageContext.js';
import type {RoleHandler} from './mystRolesTransform.js';
import {brokenReference, intersphinxHint, textAndTarget} from './mystRoles.js';

/** A page of the site, as a `{doc}` role links it. */
export interface LinkedDocument {
  /** Where the site serves it (a path with the site's base URL, or a URL). */
  url: string;
  /** Its title: the link's text when the role gives none. */
  title: string;
  /** Its source file (absolute): told to `onFileRead`, so the linking page is compiled again when it changes. */
  file?: string | undefined;
}

/**
 * Finds the page a `{doc}` role names: `target` as written (a path without
 * extension, relative to the page, or from the docs' root with a leading
 * `/`), `fromPage` the absolute path of the page the role is on. Undefined
 * when the site has no such page.
 */
export type ResolveDocument = (target: string, fromPage: string) => LinkedDocument | undefined;

/**
 * The MyST `{doc}` role, as MyST and Sphinx read it: {doc}`tutorial-svd`
 * links that page with its title, {doc}`the SVD tutorial <tutorial-svd>`
 * with the text given. Only with `resolveDocument` (the Docusaurus plugin
 * gives the site's pages); without it the role stays as written. A target
 * that is no page of the site is an authoring problem, as a broken link is
 * to Docusaurus.
 */
export const docRole: RoleHandler = (role, page) => {
  if (!page.options.resolveDocument || page.includeStack[0] === undefined) return undefined;
  const {text, target} = textAndTarget(role.content);
  return documentLink(page, target, text, `{doc}\`${role.content}\``, role.start);
};

/**
 * A link to the page `target` names (relative to the page, or from the docs'
 * root with `/`), with `text` or the page's title; for one that is no page of
 * the site, what `brokenReference` makes (`written`: the markup, for the
 * message). Undefined without `resolveDocument`.
 */
export function documentLink(
  page: PageContext,
  target: string,
  text: string | undefined,
  written: string,
  place: SourcePoint | undefined,
): Link | Text | undefined {
  const resolve = page.options.resolveDocument;
  const fromPage = page.includeStack[0];
  if (!resolve || fromPage === undefined) return undefined;
  const found = target === '' ? undefined : resolve(target, fromPage);
  // The page's title and URL come from that file; watch for a missing one to appear.
  const onFileRead = page.options.onFileRead;
  if (found?.file !== undefined) onFileRead?.({page: fromPage, file: found.file, exists: true});
  if (!found && target !== '' && !target.startsWith('/')) {
    for (const file of candidateFiles(target, fromPage)) onFileRead?.({page: fromPage, file, exists: false});
  }
  if (!found) {
    return brokenReference(
      page,
      'pyodocs:unknown-document',
      `${written} names no page of this site: ${missingPage(target)} Write another page's path relative to this one and without its extension, as in MyST (or "/" and its path in the docs folder).${intersphinxHint(target)}`,
      place,
      text ?? target,
    );
  }
  return {type: 'link', url: found.url, children: [{type: 'text', value: text ?? found.title}]};
}

/** The files a relative target could be, next to the page (`/` separators, `..` resolved). */
function candidateFiles(target: string, fromPage: string): string[] {
  const folder = fromPage.slice(0, fromPage.lastIndexOf('/'));
  const parts: string[] = [];
  for (const part of `${folder}/${target}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const base = parts.join('/');
  return /\.mdx?$/.test(base) ? [base] : [`${base}.md`, `${base}.mdx`];
}

function missingPage(target: string): string {
  if (target === '') return 'it names none.';
  if (/\.mdx?$/.test(target)) return `there is no page ${target}.`;
  return `there is no page ${target}.md or ${target}.mdx.`;
}
