import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {LinkedReference, ResolveReference} from '@pyodocs/remark';
import type {SitePage} from './sitePages.js';

/** A `(label)=` target in a page, or a figure's or code block's `:name:`: the page, and the heading right below it (the caption), if any. */
interface SectionLabel {
  page: SitePage;
  /** As written: the anchor's id. */
  label: string;
  title: string | undefined;
}

/** `(label)=` on a line of its own, as MyST writes a target (the remark pass makes it an anchor with that id). */
const TARGET = /^[ \t>]*\(([^()\s][^()]*)\)=[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** The fence of a MyST directive whose `name` is a label, backticks, tildes or colons: `{figure} path`, `{code-block} python`. */
const NAMED_FENCE = /^ {0,3}(`{3,}|~{3,}|:{3,})\{(figure|code-block|code|sourcecode|list-table)\}[ \t]*(.*)$/;
/** The fence of a sphinx-exercise directive, whose `:label:` is a label: `{exercise} Title`, `{solution-start} ex-1`. */
const EXERCISE_FENCE = /^ {0,3}(`{3,}|~{3,}|:{3,})\{(exercise|exercise-start|solution|solution-start)\}[ \t]*(.*)$/;
/** An exercise's or a solution's `:label:` option. */
const LABEL_OPTION = /^[ \t]*:?label:[ \t]*(\S+)[ \t]*$/;
/** A directive's `:name:` option (or `name:` in a `---` block). */
const NAME_OPTION = /^[ \t]*:?name:[ \t]*(\S+)[ \t]*$/;
/** A code block's `:caption:`, its title. */
const CAPTION_OPTION = /^[ \t]*:?caption:[ \t]*(.*?)[ \t]*$/;
/** An option line of a directive: `:key: value`, or a line of its `---` block. */
const OPTION_LINE = /^[ \t]*:[\w-]+:/;

/**
 * The remark pass's `resolveReference` for MyST `{ref}` roles: the site's
 * `(label)=` targets, named `{figure}`s, `{code-block}`s and `{list-table}`s, and
 * labelled exercises and solutions (sphinx-exercise), read from its pages' sources the first time a page
 * asks (and again when the pages change, in `docusaurus start`). A label is
 * matched without regard to case, as Sphinx does; the first page (in source
 * order) that has it wins. The link goes to the page's permalink and the
 * target's anchor (just `#label` on the linking page itself), with the text of
 * the heading below the target.
 */
export function referenceResolver(pages: () => readonly SitePage[]): ResolveReference {
  const indexes = new WeakMap<readonly SitePage[], Map<string, SectionLabel>>();
  return (label, fromPage) => {
    const all = pages();
    let index = indexes.get(all);
    if (!index) {
      index = readSectionLabels(all);
      indexes.set(all, index);
    }
    const found = index.get(label.toLowerCase());
    return found && linkedReference(found, fromPage);
  };
}

function linkedReference({page, label, title}: SectionLabel, fromPage: string): LinkedReference {
  const samePage = page.source.split(path.sep).join('/') === fromPage;
  return {url: `${samePage ? '' : page.permalink}#${label}`, title, file: page.source};
}

/** Every page's targets, by label in lower case. */
export function readSectionLabels(pages: readonly SitePage[]): Map<string, SectionLabel> {
  const labels = new Map<string, SectionLabel>();
  for (const page of pages) {
    let text: string;
    try {
      text = readFileSync(page.source, 'utf8');
    } catch {
      continue;
    }
    if (!text.includes(')=') && !text.includes('name:') && !text.includes('label:')) continue;
    for (const {label, title} of targetsIn(text)) {
      const key = label.toLowerCase();
      if (!labels.has(key)) labels.set(key, {page, label, title});
    }
  }
  return labels;
}

/** The targets of one page's text outside code fences, each with the heading on the next non-blank line. */
function targetsIn(text: string): {label: string; title: string | undefined}[] {
  const lines = text.split(/\r?\n/);
  const found: {label: string; title: string | undefined}[] = [];
  const exercises = new PageExercises();
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const exercise = fence === undefined ? EXERCISE_FENCE.exec(line) : null;
    if (exercise) {
      const end = closingLine(lines, index, exercise[1] ?? '');
      const target = exercises.add(exercise[2] ?? '', (exercise[3] ?? '').trim(), lines.slice(index + 1, end));
      if (target) found.push(target);
      index = end;
      continue;
    }
    const named = fence === undefined ? NAMED_FENCE.exec(line) : null;
    if (named) {
      const end = closingLine(lines, index, named[1] ?? '');
      const target = directiveTarget(named[2] ?? '', named[3] ?? '', lines.slice(index + 1, end));
      if (target) found.push(target);
      index = end;
      continue;
    }
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) {
        fence = undefined;
      }
      continue;
    }
    if (opener !== undefined) {
      fence = opener;
      continue;
    }
    const label = TARGET.exec(line)?.[1];
    if (label === undefined) continue;
    let next = index + 1;
    while (next < lines.length && (lines[next]?.trim() === '' || TARGET.test(lines[next] ?? ''))) next += 1;
    const heading = ATX_HEADING.exec(lines[next] ?? '')?.[1];
    found.push({label, title: heading === undefined ? undefined : headingText(heading)});
  }
  return found.map((target) => exercises.titled(target));
}

/**
 * A page's exercises and solutions, titled as sphinx-exercise titles them
 * ("Exercise 2 (Title)", "Solution to Exercise 2 (Title)"), numbered in page
 * order but for those with `:nonumber:` or `:hidden:` (mystExercises.ts in
 * @pyodocs/remark numbers them the same way).
 */
class PageExercises {
  #count = 0;
  readonly #exercises = new Map<string, string>();
  readonly #solutions = new Map<string, string>();

  /** The label of the exercise or solution whose fence opens `body` (its option lines first), if it has one. */
  add(
    directive: string,
    argument: string,
    body: readonly string[],
  ): {label: string; title: string | undefined} | undefined {
    const options = optionLines(body);
    const numbered = !options.some((line) => /^[ \t]*:?(nonumber|hidden):/.test(line));
    if (directive.startsWith('exercise') && numbered) this.#count += 1;
    const label = options.map((line) => LABEL_OPTION.exec(line)?.[1]).find((found) => found !== undefined);
    if (directive.startsWith('exercise')) {
      const title = `Exercise${numbered ? ` ${this.#count}` : ''}${argument ? ` (${plainText(argument)})` : ''}`;
      if (label !== undefined) this.#exercises.set(label.toLowerCase(), title);
      return label === undefined ? undefined : {label, title};
    }
    // A solution's argument is its exercise's label: titled once the whole page is read (titled()).
    if (label !== undefined) this.#solutions.set(label.toLowerCase(), argument.toLowerCase());
    return label === undefined ? undefined : {label, title: undefined};
  }

  /** A solution's target with its exercise's title; any other target as it is. */
  titled(target: {label: string; title: string | undefined}): {label: string; title: string | undefined} {
    const exercise = this.#solutions.get(target.label.toLowerCase());
    const title = exercise === undefined ? undefined : this.#exercises.get(exercise);
    return title === undefined ? target : {label: target.label, title: `Solution to ${title}`};
  }
}

/** A directive body's option lines: `:key: value` lines first, or the lines of a `---` block. */
function optionLines(body: readonly string[]): readonly string[] {
  if (body[0]?.trim() === '---') {
    const close = body.findIndex((line, at) => at > 0 && line.trim() === '---');
    return body.slice(1, close === -1 ? body.length : close);
  }
  const firstContent = body.findIndex((line) => !OPTION_LINE.test(line));
  return body.slice(0, firstContent === -1 ? body.length : firstContent);
}

/** A heading's text as a link shows it: without a `{#id}` and the backticks of its code. */
function headingText(heading: string): string {
  return heading
    .replace(/\s*\{#[^}]*\}\s*$/, '')
    .replaceAll('`', '')
    .trim();
}

/** The line that closes the fence opened at `opener` (`fence`: its backticks, tildes or colons), or the last line. */
function closingLine(lines: readonly string[], opener: number, fence: string): number {
  for (let index = opener + 1; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (line.length >= fence.length && line === (fence[0] ?? '').repeat(line.length)) return index;
  }
  return lines.length - 1;
}

/**
 * A named directive's target: its `:name:`, with the title a `{ref}` shows,
 * as Sphinx does: a figure's caption (the first paragraph after the
 * options), a code block's `:caption:`, a list table's argument.
 */
function directiveTarget(
  directive: string,
  argument: string,
  body: readonly string[],
): {label: string; title: string | undefined} | undefined {
  let label: string | undefined;
  let captionOption: string | undefined;
  let line = 0;
  const read = (option: string) => {
    label ??= NAME_OPTION.exec(option)?.[1];
    captionOption ??= CAPTION_OPTION.exec(option)?.[1];
  };
  if (body[0]?.trim() === '---') {
    for (line = 1; line < body.length && body[line]?.trim() !== '---'; line += 1) read(body[line] ?? '');
    line += 1;
  } else {
    for (; line < body.length && OPTION_LINE.test(body[line] ?? ''); line += 1) read(body[line] ?? '');
  }
  if (label === undefined) return undefined;
  // Plain text, as the heading titles are.
  if (directive === 'list-table') return {label, title: plainText(argument) || undefined};
  if (directive !== 'figure') return {label, title: plainText(captionOption ?? '') || undefined};
  while (line < body.length && body[line]?.trim() === '') line += 1;
  const caption: string[] = [];
  for (; line < body.length && body[line]?.trim() !== ''; line += 1) caption.push((body[line] ?? '').trim());
  const title = plainText(caption.join(' '));
  return {label, title: title === '' ? undefined : title};
}

/** A caption's Markdown as plain text, as the heading titles are: no roles' names, backticks or emphasis marks. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\{[\w:-]+\}`/g, '`')
    .replace(/[`*]/g, '')
    .trim();
}
