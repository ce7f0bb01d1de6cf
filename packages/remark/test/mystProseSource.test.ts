import {describe, expect, test} from 'vitest';
import {mystProseSource} from '../src/myst/mystProseSource.js';

// What Docusaurus reads a notebook's title and description from (issue 11):
// each kind of MyST markup goes, the prose around it stays byte for byte.
describe('mystProseSource', () => {
  test.each([
    ['a +++ block break', '+++\n\nProse.\n', '\nProse.\n'],
    ['a +++ break with cell metadata', '+++ {"tags": ["x"]}\nProse.\n', 'Prose.\n'],
    ['a +++ break with metadata and no space', '+++{"a": 1}\nProse.\n', 'Prose.\n'],
    ['a (label)= target above the title', '(content/math)=\n# Math\n\nProse.\n', '# Math\n\nProse.\n'],
    ['a % comment', '% a comment\nProse.\n', 'Prose.\n'],
    [
      'a {code-cell} with cell options',
      '```{code-cell} ipython3\n:tags: [remove-cell]\nx = 1\n```\n\nProse.\n',
      '\n\nProse.\n',
    ],
    ['a directive fenced with backticks', '```{note}\nAside.\n```\nProse.\n', '\nProse.\n'],
    ['a directive fenced with tildes', '~~~{math}\n:label: x\na^2\n~~~\nProse.\n', '\nProse.\n'],
    [
      'a colon-fenced directive with options and a blank line',
      ':::{math}\n:label: colon\n\n\\oint_C F = 0\n:::\nProse.\n',
      'Prose.\n',
    ],
    ['nested colon fences', '::::{admonition} Title\n:::{note}\nInner.\n:::\nOuter.\n::::\nProse.\n', 'Prose.\n'],
    ['inline $ math before punctuation', 'Math $\\sum_{w} n_w = N$, then prose.\n', 'Math, then prose.\n'],
    ['inline $ math between words', 'Math $x$ and prose.\n', 'Math and prose.\n'],
    ['$$ display math', 'Before.\n\n$$\nN = \\sum_w n_w\n$$\n\nAfter.\n', 'Before.\n\n\n\nAfter.\n'],
    ['the {math} role', 'A role {math}`N` and more.\n', 'A role and more.\n'],
    ['a cross-reference role', 'See {ref}`my-label`.\n', 'See.\n'],
    ['a role with an explicit title', 'See {ref}`the math page <my-label>`.\n', 'See the math page.\n'],
    ['a text role', 'Press {kbd}`Ctrl` and {abbr}`MyST (Markedly Structured Text)`.\n', 'Press Ctrl and MyST.\n'],
  ])('%s', (_kind, markdown, expected) => {
    expect(mystProseSource(markdown)).toBe(expected);
  });

  test('leaves markup alone where it is code, and prose that only looks like markup', () => {
    const markdown = [
      'Inline `$x$` and `{math}` as code, {braces}, 1+++2 and (a)= b.',
      '',
      '```python',
      '+++',
      '(label)=',
      '$x$',
      '```',
      '',
      '    :::{note}',
      '',
    ].join('\n');
    expect(mystProseSource(markdown)).toBe(markdown);
  });

  test('CRLF line endings: the same markup goes, the line endings of the rest stay', () => {
    const markdown = '(target)=\r\n# Title\r\n\r\n+++\r\n:::{math}\r\nx\r\n:::\r\nProse $x$.\r\n';
    expect(mystProseSource(markdown)).toBe('# Title\r\n\r\nProse.\r\n');
  });

  test('an unclosed colon fence is prose to the end (as MyST shows it)', () => {
    expect(mystProseSource(':::{note}\nNo closer.\n')).toBe(':::{note}\nNo closer.\n');
  });
});
