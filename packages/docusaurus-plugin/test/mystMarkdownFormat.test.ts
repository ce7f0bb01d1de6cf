import type {MarkdownConfig} from '@docusaurus/types';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {describe, expect, test} from 'vitest';
import {mystMarkdownAsCommonMark} from '../src/pages/mystMarkdownFormat.js';

const NOTEBOOK =
  '---\njupytext:\n  text_representation:\n    format_name: myst\nkernelspec:\n  name: python3\n---\n\n# A notebook\n';

function config(format: MarkdownConfig['format']): MarkdownConfig {
  return {
    format,
    parseFrontMatter: (params) => params.defaultParseFrontMatter(params),
  } as MarkdownConfig;
}

async function frontMatterOf(markdown: MarkdownConfig, filePath: string, fileContent: string) {
  const parsed = await markdown.parseFrontMatter({
    filePath,
    fileContent,
    defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER,
  });
  return parsed.frontMatter;
}

describe('mystMarkdownAsCommonMark: MyST Markdown in .md files is CommonMark on an MDX site', () => {
  const site = mystMarkdownAsCommonMark(config('mdx'));

  test("a notebook's front matter gets mdx.format md; the rest of it and of the config is kept", async () => {
    expect(await frontMatterOf(site, '/site/docs/a.md', NOTEBOOK)).toEqual({
      jupytext: {text_representation: {format_name: 'myst'}},
      kernelspec: {name: 'python3'},
      mdx: {format: 'md'},
    });
    expect(site.format).toBe('mdx');
  });

  test("the page's own mdx.format wins; .mdx files, other pages and sites not on 'mdx' are left alone", async () => {
    const own = NOTEBOOK.replace('---\n', '---\nmdx:\n  format: mdx\n');
    expect((await frontMatterOf(site, '/site/docs/a.md', own))['mdx']).toEqual({format: 'mdx'});
    expect(await frontMatterOf(site, '/site/docs/a.mdx', NOTEBOOK)).not.toHaveProperty('mdx');
    expect(await frontMatterOf(site, '/site/docs/b.md', '---\ntitle: Page\n---\n\nText.\n')).toEqual({title: 'Page'});
    const detect = config('detect');
    expect(mystMarkdownAsCommonMark(detect)).toBe(detect);
  });

  test("a page with MyST directives and no MDX is read as CommonMark too, without a notebook's front matter", async () => {
    const include = '---\ntitle: Contributing\n---\n\n```{include} ../CONTRIBUTING.md\n```\n';
    expect(await frontMatterOf(site, '/site/docs/contributing.md', include)).toEqual({
      title: 'Contributing',
      mdx: {format: 'md'},
    });
    expect(await frontMatterOf(site, '/site/docs/notes.md', ':::{note}\nA note.\n:::\n')).toEqual({
      mdx: {format: 'md'},
    });
    // MDX of its own, an .mdx file or the page's own choice: MDX.
    const withMdx = `import Tabs from '@theme/Tabs';\n\n\`\`\`{note}\nA note.\n\`\`\`\n`;
    expect(await frontMatterOf(site, '/site/docs/tabs.md', withMdx)).toEqual({});
    expect(await frontMatterOf(site, '/site/docs/contributing.mdx', include)).toEqual({title: 'Contributing'});
    const own = include.replace('---\n', '---\nmdx:\n  format: mdx\n');
    expect((await frontMatterOf(site, '/site/docs/contributing.md', own))['mdx']).toEqual({format: 'mdx'});
  });
});
