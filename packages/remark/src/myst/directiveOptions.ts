import type {SourcePoint} from '../meta/locateFenceMeta.js';
import type {PageProblems} from '../problems/PageProblems.js';
import {suggestClosest} from '../problems/suggestClosest.js';
import {parseMystOptions} from './mystCellOptions.js';

/** One option of a MyST directive, as text: `:start-after: ## Usage` gives `## Usage`. */
export interface DirectiveOption {
  name: string;
  /** The value as a string (MyST reads option values as strings); undefined for a flag written without one (`:literal:`). */
  value: string | undefined;
  /** Where the option's line is in the page. */
  place: SourcePoint | undefined;
}

/** A directive's options and the content after them. */
export interface DirectiveBody {
  options: DirectiveOption[];
  /** The content after the options (leading blank lines dropped). */
  content: string;
  /** The problems were reported: the options cannot be trusted. */
  invalid: boolean;
}

/**
 * Reads the options of a MyST directive written as a fence (`:key: value`
 * lines or a `---` YAML block first in its body, as for `{code-cell}`),
 * reporting malformed options and names not in `known` (with the closest
 * one) into the page's problems. `bodyLine` is the page line of the body's
 * first line and `column` the fence's column.
 */
export function readDirectiveBody(
  directive: string,
  body: string,
  known: readonly string[],
  at: {bodyLine: number; column: number} | undefined,
  problems: PageProblems,
): DirectiveBody {
  const parsed = parseMystOptions(body);
  const place = (line: number, column = 1): SourcePoint | undefined =>
    at && {line: at.bodyLine + line, column: at.column + column - 1};
  for (const problem of parsed.problems) {
    problems.report('pyodocs:invalid-cell-options', problem.message, place(problem.line, problem.column));
  }
  const lines = body.split('\n');
  const options: DirectiveOption[] = [];
  let invalid = parsed.problems.length > 0;
  for (const [name, raw] of Object.entries(parsed.options)) {
    const line = lines.findIndex((text) =>
      new RegExp(`^(:${escapeRegExp(name)}:|\\s*${escapeRegExp(name)}\\s*:)`).test(text),
    );
    const optionPlace = place(Math.max(line, 0));
    if (!known.includes(name)) {
      const suggestion = suggestClosest(name, known);
      problems.report(
        'pyodocs:unknown-directive-option',
        `Unknown option "${name}" of the {${directive}} directive.` +
          (suggestion ? ` Did you mean "${suggestion}"?` : '') +
          ` Valid options: ${known.join(', ')}.`,
        optionPlace,
      );
      invalid = true;
      continue;
    }
    if (raw !== null && typeof raw === 'object') {
      problems.report(
        'pyodocs:invalid-cell-options',
        `The "${name}" option of the {${directive}} directive must be text, not a list or a mapping.`,
        optionPlace,
      );
      invalid = true;
      continue;
    }
    options.push({name, value: raw === null || raw === undefined ? undefined : String(raw), place: optionPlace});
  }
  return {options, content: parsed.code, invalid};
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
