import type {Code, Root, RootContent} from 'mdast';
import {visit} from 'unist-util-visit';
import type {PageContext} from '../page/PageContext.js';
import {readDirectiveBody} from './directiveOptions.js';
import {labelAnchor} from './labelAnchor.js';
import {mystDirectiveName} from './mystAdmonitions.js';
import {parseMystOptions} from './mystCellOptions.js';

// sphinx-exercise's directives (Jupyter Book's exercises and solutions):
// `{exercise}` and `{solution}` with their content in the fence, or the
// gated pairs `{exercise-start}` … `{exercise-end}` and `{solution-start}` …
// `{solution-end}`, whose content is the page between them (code cells
// included, as live cells).

/** The directives of sphinx-exercise, each a kind (exercise or solution) and a form. */
export const EXERCISE_DIRECTIVES: ReadonlyMap<string, {kind: Kind; form: 'fence' | 'start' | 'end'}> = new Map([
  ['exercise', {kind: 'exercise', form: 'fence'}],
  ['exercise-start', {kind: 'exercise', form: 'start'}],
  ['exercise-end', {kind: 'exercise', form: 'end'}],
  ['solution', {kind: 'solution', form: 'fence'}],
  ['solution-start', {kind: 'solution', form: 'start'}],
  ['solution-end', {kind: 'solution', form: 'end'}],
]);

type Kind = 'exercise' | 'solution';

const OPTIONS: Readonly<Record<Kind, readonly string[]>> = {
  exercise: ['label', 'class', 'nonumber', 'hidden'],
  solution: ['label', 'class', 'hidden'],
};

/** An exercise of the page, as its solutions and `{ref}`s name it. */
export interface PageExercise {
  /** Its number on the page (1, 2, …), undefined with `:nonumber:`. */
  number: number | undefined;
  /** Its argument, the title shown after its number. */
  title: string | undefined;
}

/** The page's exercises: each fence's, and the labelled ones by label (lower case, as Sphinx compares labels). */
export interface PageExercises {
  byFence: ReadonlyMap<Code, PageExercise>;
  byLabel: ReadonlyMap<string, PageExercise>;
}

/**
 * The page's exercises, numbered in page order as sphinx-exercise numbers
 * them on a page without section numbers: those with `:nonumber:` or
 * `:hidden:` take no number.
 */
export function pageExercises(tree: Root): PageExercises {
  const byFence = new Map<Code, PageExercise>();
  const byLabel = new Map<string, PageExercise>();
  let count = 0;
  visit(tree, 'code', (node) => {
    const directive = EXERCISE_DIRECTIVES.get(mystDirectiveName(node.lang) ?? '');
    if (directive?.kind !== 'exercise' || directive.form === 'end') return;
    const {options} = parseMystOptions(node.value);
    const numbered = !('nonumber' in options) && !('hidden' in options);
    if (numbered) count += 1;
    const exercise = {number: numbered ? count : undefined, title: node.meta?.trim() || undefined};
    byFence.set(node, exercise);
    const label = typeof options['label'] === 'string' ? options['label'].trim() : undefined;
    if (label) byLabel.set(label.toLowerCase(), exercise);
  });
  return {byFence, byLabel};
}

/** How the page's content is parsed into the exercise (`firstLine`: the page line it starts on). */
export type ParseBody = (markdown: string, firstLine: number) => RootContent[];

/** How a title and content become the page's box: an admonition of `type`, or a dropdown (`:class: dropdown`). */
export type MakeBox = (box: {
  type: string;
  title: string;
  children: RootContent[];
  dropdown: boolean;
  position: Code['position'];
}) => RootContent;

/**
 * Replaces the sphinx-exercise directive at `siblings[index]` (with, for a
 * `-start`, the page up to its `-end`) by what sphinx-exercise shows: a box
 * titled "Exercise 1 (Title)" or "Solution to Exercise 1 (Title)", its
 * `:label:` an anchor before it. `:hidden:` shows nothing. Returns how many
 * nodes now stand where the directive was, or undefined when it was left
 * as written (reported).
 */
export function replaceExercise(
  siblings: RootContent[],
  index: number,
  page: PageContext,
  exercises: PageExercises,
  parseBody: ParseBody,
  makeBox: MakeBox,
): number | undefined {
  const node = siblings[index] as Code;
  const name = mystDirectiveName(node.lang) ?? '';
  const directive = EXERCISE_DIRECTIVES.get(name);
  if (!directive) return undefined;
  const fence = node.position?.start;
  const place = fence && {line: fence.line, column: fence.column};
  if (directive.form === 'end') {
    page.problems.report(
      'pyodocs:invalid-directive',
      `{${name}} closes no {${directive.kind}-start} above it. Open the ${directive.kind} with {${directive.kind}-start}, or remove this line.`,
      place,
    );
    return undefined;
  }
  const body = readDirectiveBody(
    name,
    node.value,
    OPTIONS[directive.kind],
    fence && {bodyLine: fence.line + 1, column: fence.column},
    page.problems,
  );
  if (body.invalid) return undefined;
  const option = (key: string) => body.options.find((found) => found.name === key);
  let end = index;
  let children: RootContent[];
  if (directive.form === 'start') {
    const closing = siblings.findIndex(
      (sibling, at) =>
        at > index && sibling.type === 'code' && mystDirectiveName(sibling.lang) === `${directive.kind}-end`,
    );
    if (closing === -1) {
      page.problems.report(
        'pyodocs:invalid-directive',
        `{${name}} has no {${directive.kind}-end} after it (in the same block: not inside a list or another directive). Close the ${directive.kind} with a {${directive.kind}-end} fence.`,
        place,
      );
      return undefined;
    }
    end = closing;
    children = siblings.slice(index + 1, closing);
  } else {
    const skipped = node.value.split('\n').length - body.content.split('\n').length;
    children = body.content.trim() === '' ? [] : parseBody(body.content, fence ? fence.line + 1 + skipped : 0);
  }
  if (option('hidden')) {
    siblings.splice(index, end - index + 1);
    return 0;
  }
  const argument = node.meta?.trim() ?? '';
  const title =
    directive.kind === 'exercise'
      ? exerciseTitle(exercises.byFence.get(node), argument)
      : solutionTitle(argument, exercises, page, place);
  if (title === undefined) return undefined;
  const classes = (option('class')?.value ?? '').split(/\s+/);
  const box = makeBox({
    type: directive.kind === 'exercise' ? 'info' : 'note',
    title,
    children,
    dropdown: classes.includes('dropdown'),
    position: node.position,
  });
  const label = option('label')?.value?.trim();
  const made = label ? [labelAnchor(label, node.position), box] : [box];
  siblings.splice(index, end - index + 1, ...made);
  return made.length;
}

/** "Exercise 1 (Title)"; without a number (`:nonumber:`), "Exercise (Title)". */
function exerciseTitle(exercise: PageExercise | undefined, argument: string): string {
  return `Exercise${exercise?.number === undefined ? '' : ` ${exercise.number}`}${argument ? ` (${argument})` : ''}`;
}

/** "Solution to Exercise 1 (Title)", the exercise named by the argument (its label) on this page. */
function solutionTitle(
  argument: string,
  exercises: PageExercises,
  page: PageContext,
  place: {line: number; column: number} | undefined,
): string | undefined {
  const exercise = exercises.byLabel.get(argument.toLowerCase());
  if (argument === '' || !exercise) {
    page.problems.report(
      'pyodocs:invalid-directive',
      argument === ''
        ? "A {solution} names the exercise it solves: write the exercise's :label: after the directive, as in ```{solution} my-exercise."
        : `{solution} ${argument}: there is no exercise with :label: ${argument} on this page. Give the exercise that label, or name the label of one on this page.`,
      place,
    );
    return undefined;
  }
  return `Solution to ${exerciseTitle(exercise, exercise.title ?? '')}`;
}
