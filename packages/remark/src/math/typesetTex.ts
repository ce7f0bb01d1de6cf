import katex from 'katex';

/** How a piece of TeX is typeset. */
export interface TexRequest {
  tex: string;
  display: boolean;
  /** Display math as written, without the wrapping Sphinx adds (the `nowrap` option of `{math}`). */
  nowrap?: boolean;
  /** The equation's number, shown at its right (`\tag`). */
  number?: number | undefined;
  /** Macros shared by the page's math: `\gdef` in one equation defines it for the next, as in MathJax. */
  macros: Record<string, string>;
}

export type TexResult = {ok: true; html: string} | {ok: false; message: string; index: number | undefined};

/**
 * TeX to static KaTeX HTML (with MathML for assistive technology). Display
 * math is wrapped the way Sphinx wraps it for MathJax, so MyST math
 * typesets the same: equations separated by blank lines are aligned rows,
 * an equation with `\\` line breaks is a `split`. A KaTeX error gives its
 * message and the index in `tex` where it is, when KaTeX knows.
 */
export function typesetTex(request: TexRequest): TexResult {
  const {tex, display, macros} = request;
  const [wrapped, prefixLength] = display && !request.nowrap ? wrapDisplayMath(tex) : [tex, 0];
  const numbered =
    request.number !== undefined && !/\\(tag|notag|nonumber)\b/.test(tex)
      ? `${wrapped}\\tag{${request.number}}`
      : wrapped;
  try {
    const html = katex.renderToString(numbered, {
      displayMode: display,
      throwOnError: true,
      // MathJax, which MyST sites use, accepts what KaTeX's strict mode only warns about.
      strict: 'ignore',
      trust: false,
      output: 'htmlAndMathml',
      macros,
    });
    return {ok: true, html};
  } catch (error) {
    if (!(error instanceof katex.ParseError)) throw error;
    const position = (error as {position?: number}).position;
    const index = typeof position === 'number' ? Math.min(Math.max(position - prefixLength, 0), tex.length) : undefined;
    const message = (error as {rawMessage?: string}).rawMessage ?? error.message;
    return {ok: false, message, index};
  }
}

/** Sphinx's display math wrapping (`html_visit_displaymath`), and how long the text before `tex`'s first character is. */
function wrapDisplayMath(tex: string): [string, number] {
  const parts = tex.split(/\n[ \t]*\n/).filter((part) => part.trim() !== '');
  const wrapPart = (part: string) => (part.includes('\\\\') ? `\\begin{split}${part}\\end{split}` : part);
  if (parts.length <= 1) {
    const part = parts[0] ?? '';
    const offset = tex.indexOf(part);
    return part.includes('\\\\') ? [wrapPart(part), '\\begin{split}'.length - offset] : [part, -offset];
  }
  return [`\\begin{aligned}${parts.map(wrapPart).join('\\\\')}\\end{aligned}`, 0];
}
