import {describe, expect, test} from 'vitest';
import {usesMystMarkdown} from '../src/index.js';

describe('usesMystMarkdown: a page written in MyST Markdown, not MDX', () => {
  test('a directive fence, backticks, tildes or colons, makes the page MyST', () => {
    expect(usesMystMarkdown('# Contributing\n\n```{include} ../CONTRIBUTING.md\n```\n')).toBe(true);
    expect(usesMystMarkdown('Text.\n\n~~~{note}\nA note.\n~~~\n')).toBe(true);
    expect(usesMystMarkdown('Text.\n\n::::{tip} Title\nBody.\n::::\n')).toBe(true);
    expect(usesMystMarkdown('```{code-cell} ipython3\n1 + 1\n```\n')).toBe(true);
    expect(usesMystMarkdown('```{py:function} f(x)\n```\n')).toBe(true);
  });

  test('pages without a directive are not: plain Markdown, code blocks, roles alone, admonitions in Docusaurus syntax', () => {
    expect(usesMystMarkdown('# Title\n\nSome *text*.\n\n```python\nprint(1)\n```\n')).toBe(false);
    expect(usesMystMarkdown(':::note\nDocusaurus admonition.\n:::\n')).toBe(false);
    expect(usesMystMarkdown('See {doc}`intro` and the value {x}.\n')).toBe(false);
    expect(usesMystMarkdown('Inline ```{note}``` code on one line.\n')).toBe(false);
  });

  test('a directive shown inside a longer code block does not count', () => {
    const page =
      '# Writing notes\n\n````md\n```{note}\nA note.\n```\n````\n\nAnd colons:\n\n```text\n:::{tip}\n:::\n```\n';
    expect(usesMystMarkdown(page)).toBe(false);
    expect(usesMystMarkdown(`${page}\n\`\`\`{note}\nA real one.\n\`\`\`\n`)).toBe(true);
  });

  test('a page with MDX of its own stays MDX, even with directives', () => {
    const directive = '\n```{note}\nA note.\n```\n';
    expect(usesMystMarkdown(`import Tabs from '@theme/Tabs';\n${directive}`)).toBe(false);
    expect(usesMystMarkdown(`export const answer = 42;\n${directive}`)).toBe(false);
    expect(usesMystMarkdown(`<Tabs>\n<TabItem value="a">A</TabItem>\n</Tabs>\n${directive}`)).toBe(false);
    // Prose that only starts like ESM, and HTML, are MyST's too.
    expect(usesMystMarkdown(`import the data first, then\nexport the results.\n\n<div>html</div>\n${directive}`)).toBe(
      true,
    );
    // MDX inside a code block is code.
    expect(usesMystMarkdown(`\`\`\`js\nimport x from 'y';\n\`\`\`\n${directive}`)).toBe(true);
  });
});
