import type {Link, PhrasingContent, RootContent} from 'mdast';
import type {InlineMath, Math as DisplayMath} from 'mdast-util-math';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import type {PageProblems} from '../problems/PageProblems.js';

// Math is found per source (the page, each included file) and typeset once
// per page, when every equation label is known: finding leaves these
// placeholders (mdast-util-math's node types, and links for `{eq}`), whose
// data says where they came from; `typesetPageMath` replaces them.

/** What a math placeholder carries. */
export interface MathPlaceholderData {
  tex: string;
  display: boolean;
  /** `:label:` of `{math}`, or `(label)` after `$$…$$`. */
  label?: string | undefined;
  /** `{math}`'s `:nowrap:`: typeset as written. */
  nowrap?: boolean;
  /** `{math}`'s `:class:`. */
  className?: string | undefined;
  /** Where the math starts, and where a character of `tex` is (for KaTeX's errors). */
  place: SourcePoint | undefined;
  texPlace: (index: number) => SourcePoint | undefined;
  /** The problem list of the file the math is in. */
  problems: PageProblems;
  /** Put back when the math cannot be typeset (`onError: 'warn'`). */
  original: RootContent[];
}

/** What an `{eq}` placeholder carries. */
export interface EquationReferenceData {
  label: string;
  place: SourcePoint | undefined;
  problems: PageProblems;
  original: PhrasingContent[];
}

declare module 'mdast' {
  interface Data {
    pyodocsMath?: MathPlaceholderData;
    pyodocsEquationReference?: EquationReferenceData;
  }
}

export function inlineMathPlaceholder(data: MathPlaceholderData): InlineMath {
  return {type: 'inlineMath', value: data.tex, data: {pyodocsMath: data}};
}

export function displayMathPlaceholder(data: MathPlaceholderData): DisplayMath {
  return {type: 'math', value: data.tex, data: {pyodocsMath: data}};
}

export function equationReferencePlaceholder(data: EquationReferenceData): Link {
  return {type: 'link', url: '', children: [{type: 'text', value: data.label}], data: {pyodocsEquationReference: data}};
}

/** The page id of a labelled equation, as Sphinx makes it (so links written for a Jupyter Book keep working). */
export function equationId(label: string): string {
  return `equation-${label.trim().replace(/\s+/g, '-')}`;
}
