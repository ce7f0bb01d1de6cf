import {describe, expect, test} from 'vitest';
import {formatHint, mystNotebooksReadAsMdx} from '../src/pages/mystNotebookFormatHint.js';
import type {SitePage} from '../src/pages/sitePages.js';

const notebook = {jupytext: {text_representation: {format_name: 'myst'}}, kernelspec: {name: 'python3'}};

function page(source: string, frontMatter: Record<string, unknown>): SitePage {
  return {source, permalink: `/${source}`, frontMatter};
}

describe('mystNotebooksReadAsMdx', () => {
  const pages = [
    page('/site/docs/a.md', notebook),
    page('/site/docs/b.md', {...notebook, mdx: {format: 'md'}}),
    page('/site/docs/c.md', {...notebook, mdx: {format: 'mdx'}}),
    page('/site/docs/d.md', {...notebook, mdx: {format: 'detect'}}),
    page('/site/docs/e.mdx', notebook),
    page('/site/docs/f.md', {title: 'Not a notebook'}),
    page('/site/docs/g.markdown', {file_format: 'mystnb'}),
  ];

  test('only Markdown notebooks whose front matter asks for MDX (the others are read as CommonMark)', () => {
    expect([...mystNotebooksReadAsMdx(pages)]).toEqual(['/site/docs/c.md']);
  });

  test('the hint names the place, the reason and the fix', () => {
    expect(formatHint('docs/c.md:3:4')).toBe(
      "Hint: docs/c.md:3:4: this page is a MyST notebook, and Docusaurus compiled it as MDX (its front matter says `mdx: {format: mdx}`), where `{…}` in MyST's roles, math and directives is JavaScript. Remove that line: pyodocs reads MyST notebooks as CommonMark, as Jupyter does.",
    );
  });
});
