/** Docusaurus admonition type and default title of each supported MyST admonition directive. */
export const MYST_ADMONITIONS: Readonly<Record<string, {type: string; title?: string}>> = {
  note: {type: 'note'},
  tip: {type: 'tip'},
  hint: {type: 'tip', title: 'Hint'},
  important: {type: 'important'},
  warning: {type: 'warning'},
  attention: {type: 'warning', title: 'Attention'},
  caution: {type: 'caution'},
  danger: {type: 'danger'},
  error: {type: 'danger', title: 'Error'},
  seealso: {type: 'info', title: 'See also'},
  // `{admonition} Title`: the title is the directive argument.
  admonition: {type: 'note'},
  // `{dropdown} Title` (sphinx-design): a collapsed block, the argument its summary.
  dropdown: {type: 'details', title: 'Details'},
  // Sphinx's version notes: the argument is the version, in the title.
  versionadded: {type: 'info', title: 'New in version'},
  versionchanged: {type: 'note', title: 'Changed in version'},
  deprecated: {type: 'caution', title: 'Deprecated since version'},
  versionremoved: {type: 'caution', title: 'Removed in version'},
};

/** Directives whose argument is a version, written after their title (`{versionadded} 2.1`: "New in version 2.1"). */
export const VERSION_DIRECTIVES: ReadonlySet<string> = new Set([
  'versionadded',
  'versionchanged',
  'deprecated',
  'versionremoved',
]);

/** Directives whose argument is their title, not the first line of their content. */
export const TITLED_DIRECTIVES: ReadonlySet<string> = new Set(['admonition', 'dropdown']);

/** `{note}` -> `note`; undefined for a language that is not a MyST directive. */
export function mystDirectiveName(lang: string | null | undefined): string | undefined {
  const match = /^\{([A-Za-z][\w-]*)\}$/.exec(lang ?? '');
  return match?.[1];
}
