import {COLON_FENCE_OPENER} from './mystColonFences.js';

/** A backtick or tilde fence's opening line: its indent, fence and info string. */
const CODE_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
/** A MyST directive's info string: `{name}`, then its argument. */
const DIRECTIVE_INFO = /^\s*\{[A-Za-z][\w:-]*\}/;
/** What only MDX has: an ESM import or export statement, or a JSX component's tag (prose may start a line with "import the"). */
const MDX_ONLY =
  /^import\s(?:.*\sfrom\s*|\s*)['"]|^export\s+(?:const|let|var|function|class|default|async)\s|^export\s*[{*]|<[A-Z][\w.]*[\s/>]/;

/**
 * Whether a Markdown page is written in MyST Markdown and not in MDX: it has
 * a MyST directive (```` ```{note} ````, `:::{include} file`) outside code
 * blocks, and no MDX of its own (`import`/`export` lines, `<Component>`
 * tags). Directive fences are how MyST pages look, even without a notebook's
 * front matter (Jupyter Book chapters, a docs folder written for Sphinx);
 * read as MDX, their prose's `{…}`, `<https://…>` links and HTML comments
 * do not compile. A page that mixes both stays MDX, as its author wrote it.
 */
export function usesMystMarkdown(markdown: string): boolean {
  // Most pages have no `{` followed by a letter at all: nothing to scan.
  if (!/\{[A-Za-z]/.test(markdown)) return false;
  let directive = false;
  let fence: {marker: string; length: number} | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    if (fence) {
      const closing = CODE_FENCE.exec(line);
      if (
        closing &&
        closing[2]?.[0] === fence.marker &&
        (closing[2]?.length ?? 0) >= fence.length &&
        !closing[3]?.trim()
      )
        fence = undefined;
      continue;
    }
    const opening = CODE_FENCE.exec(line);
    if (opening) {
      const marker = opening[2] ?? '';
      // A backtick fence's info string has no backtick (CommonMark); otherwise the line is inline code.
      if (marker[0] === '`' && opening[3]?.includes('`')) continue;
      if (DIRECTIVE_INFO.test(opening[3] ?? '')) directive = true;
      fence = {marker: marker[0] ?? '', length: marker.length};
      continue;
    }
    if (COLON_FENCE_OPENER.test(line)) directive = true;
    else if (MDX_ONLY.test(line)) return false;
  }
  return directive;
}
