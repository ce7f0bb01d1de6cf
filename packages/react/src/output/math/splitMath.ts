/** A run of plain text or one formula from text/latex or Markdown. */
export type MathSegment = {kind: 'text'; text: string} | {kind: 'math'; tex: string; display: boolean};

// The delimiters IPython's Latex objects and Jupyter's MathJax setup use:
// $$..$$ and \[..\] (display), $..$ and \(..\) (inline), and bare
// \begin{env}..\end{env} (display, the environment kept for KaTeX).
const MATH =
  /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(\\begin\{([a-zA-Z*]+)\}[\s\S]+?\\end\{\5\})|(?<!\\)\$((?:\\\$|[^$\n])+?)\$/g;

/** Splits `text` into text and formulas; `\$` is a literal dollar. */
export function splitMath(text: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(MATH)) {
    const index = match.index;
    if (index > last) segments.push({kind: 'text', text: text.slice(last, index)});
    const [, displayDollars, displayBrackets, inlineParens, environment, , inlineDollars] = match;
    if (inlineParens !== undefined || inlineDollars !== undefined) {
      segments.push({kind: 'math', tex: (inlineParens ?? inlineDollars ?? '').trim(), display: false});
    } else {
      segments.push({
        kind: 'math',
        tex: (displayDollars ?? displayBrackets ?? environment ?? '').trim(),
        display: true,
      });
    }
    last = index + match[0].length;
  }
  if (last < text.length) segments.push({kind: 'text', text: text.slice(last)});
  return segments;
}
