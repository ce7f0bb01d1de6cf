/**
 * The editor's token kinds and, for each, the Prism token types that mark the
 * same Python text in a site's static code block (most specific first; none:
 * plain text). Kind `keyword` is coloured by `--pyodocs-token-keyword` and
 * slanted by `--pyodocs-token-keyword-font-style`; its tokens also carry
 * Prism's class names (`token keyword`), so CSS a site writes for its Prism
 * blocks can apply to the editor too. The Docusaurus plugin sets the
 * variables from the site's Prism theme with this table.
 *
 * Outside the editor's folder: reading it loads no CodeMirror.
 */
export const editorTokenPrismTypes = {
  meta: ['decorator', 'annotation', 'punctuation'],
  keyword: ['keyword'],
  atom: ['boolean', 'constant'],
  literal: ['number'],
  string: ['string'],
  // f-strings: Prism colours their text as strings.
  'string-special': ['string'],
  definition: ['function'],
  local: [],
  type: ['class-name'],
  class: ['class-name'],
  special: [],
  property: [],
  comment: ['comment'],
  invalid: [],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type EditorTokenKind = keyof typeof editorTokenPrismTypes;
