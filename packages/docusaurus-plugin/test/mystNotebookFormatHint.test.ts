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

  test("as Docusaurus's mdx-loader decides: the page's mdx.format, else the site's format ('detect' by extension)", () => {
    expect(Object.fromEntries(mystNotebooksReadAsMdx(pages, 'mdx'))).toEqual({
      '/site/docs/a.md': 'site',
      '/site/docs/c.md': 'front matter',
      '/site/docs/g.markdown': 'site',
    });
    expect(Object.fromEntries(mystNotebooksReadAsMdx(pages, 'detect'))).toEqual({'/site/docs/c.md': 'front matter'});
    expect(Object.fromEntries(mystNotebooksReadAsMdx(pages, 'md'))).toEqual({'/site/docs/c.md': 'front matter'});
  });

  test('the hint names the place, the reason and the fix for that reason', () => {
    expect(formatHint('docs/a.md:3:4', 'site')).toBe(
      "Hint: docs/a.md:3:4: this page is a MyST notebook, and Docusaurus compiled it as MDX (the site's `markdown.format` is 'mdx', Docusaurus's default), where `{…}` in MyST's roles, math and directives is JavaScript. Set `markdown: {format: 'detect'}` in docusaurus.config (`.md` files are then CommonMark, `.mdx` files stay MDX), or add `mdx: {format: md}` to this page's front matter.",
    );
    expect(formatHint('docs/c.md', 'front matter')).toMatch(
      /compiled it as MDX \(its front matter says `mdx: \{format: mdx\}`\), .* Change it to `mdx: \{format: md\}`\.$/,
    );
  });
});
