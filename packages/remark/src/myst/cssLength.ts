import type {PageContext} from '../page/PageContext.js';
import type {DirectiveOption} from './directiveOptions.js';

/** A CSS length as MyST takes it: a number (pixels), or a number and a unit. */
const LENGTH = /^(\d+(?:\.\d+)?)\s*(px|%|em|rem|ex|pt|pc|cm|mm|in|vw|vh)?$/;

/** A MyST length option (`:width: 300`, `50%`) as CSS (`300` is pixels); null when reported. */
export function cssLength(option: DirectiveOption, page: PageContext): string | null {
  const match = LENGTH.exec(option.value?.trim() ?? '');
  if (!match) {
    page.problems.report(
      'pyodocs:invalid-directive',
      `The "${option.name}" option must be a length such as 300px, 300 or 50%, got ${JSON.stringify(option.value ?? '')}.`,
      option.place,
    );
    return null;
  }
  return `${match[1]}${match[2] ?? 'px'}`;
}
