import {waitFor} from '@testing-library/react';
import {describe, expect, it} from 'vitest';
import {latexToHtml} from '../../src/output/LatexOutput.js';
import {splitMath} from '../../src/output/math/splitMath.js';
import {renderBundle} from './renderBundle.js';

describe('math outputs', () => {
  it('splits text/latex on the delimiters IPython and Jupyter use', () => {
    expect(splitMath('Area $\\pi r^2$ and $$\\int_0^1 x\\,dx$$ or \\(a\\) \\[b\\] costs \\$5')).toEqual([
      {kind: 'text', text: 'Area '},
      {kind: 'math', tex: '\\pi r^2', display: false},
      {kind: 'text', text: ' and '},
      {kind: 'math', tex: '\\int_0^1 x\\,dx', display: true},
      {kind: 'text', text: ' or '},
      {kind: 'math', tex: 'a', display: false},
      {kind: 'text', text: ' '},
      {kind: 'math', tex: 'b', display: true},
      {kind: 'text', text: ' costs \\$5'},
    ]);
    expect(splitMath('\\begin{align} a &= b \\end{align}')).toEqual([
      {kind: 'math', tex: '\\begin{align} a &= b \\end{align}', display: true},
    ]);
    // No delimiters: the whole value is one display formula.
    expect(latexToHtml('E = mc^2')).toBe(
      '<div class="pyodocs-math pyodocs-math--display" data-tex="E = mc^2">$$E = mc^2$$</div>',
    );
    expect(latexToHtml('<b>$x$</b>')).toContain('&#60;b&#62;');
  });

  it('typesets text/latex with KaTeX, loaded on demand', async () => {
    const root = await renderBundle({'text/latex': '$$\\frac{a}{b}$$', 'text/plain': '<Latex>'});
    const formula = root.querySelector<HTMLElement>('.pyodocs-latex .pyodocs-math');
    expect(formula).not.toBeNull();
    await waitFor(() => expect(formula?.querySelector('.katex-display .katex')).not.toBeNull());
    expect(formula?.querySelector('.mfrac')).not.toBeNull();
    expect(formula?.querySelector('annotation')?.textContent).toBe('\\frac{a}{b}');
  });

  it('typesets $...$ and $$...$$ in Markdown, but not inside code', async () => {
    const root = await renderBundle({'text/markdown': 'Inline $x^2$, and `$not math$`:\n\n$$\n\\sqrt{2}\n$$\n'});
    await waitFor(() => expect(root.querySelectorAll('.pyodocs-markdown .katex')).toHaveLength(2));
    expect(root.querySelector('.pyodocs-markdown code')?.textContent).toBe('$not math$');
    expect(root.querySelector('.pyodocs-math--display .katex-display')).not.toBeNull();
  });

  it('shows a TeX error in place instead of throwing, and runs no \\href javascript', async () => {
    const root = await renderBundle({'text/latex': '$\\frac{1}{$ and $\\href{javascript:alert(1)}{x}$'});
    await waitFor(() => expect(root.querySelectorAll('[data-typeset]')).toHaveLength(2));
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
  });
});
