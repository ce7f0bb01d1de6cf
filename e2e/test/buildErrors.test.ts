import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {TMP_DIR} from '../src/paths.js';

afterAll(removeFixtureCopies);

describe('docusaurus build fails on authoring mistakes', () => {
  test('an unknown fence meta key names file:line:col and the likely fix', async () => {
    const site = fixtureCopy('minimal-site');
    writeFileSync(
      path.join(site, 'docs', 'index.mdx'),
      '---\ntitle: A page with a typo\n---\n\n# A page with a typo\n\n```python run sesion=tour\nprint("misspelt meta key above")\n```\n',
    );
    const result = await buildSite(site, path.join(TMP_DIR, 'bad-meta-build'));
    expect(result.code).not.toBe(0);
    // ```python run sesion=tour  -> line 7, "sesion" starts at column 15.
    expect(result.output).toContain('docs/index.mdx:7:15');
    expect(result.output).toContain('Did you mean "session"?');
  });

  test('an invalid plugin option stops the build with the option named', async () => {
    const site = fixtureCopy('minimal-site');
    const config = path.join(site, 'docusaurus.config.js');
    writeFileSync(
      config,
      `export default {
  title: 'bad option', url: 'http://localhost', baseUrl: '/',
  presets: [['classic', {docs: {routeBasePath: '/'}, blog: false, pages: false}]],
  plugins: [['@pyodocs/docusaurus-plugin', {runnable: 'everything'}]],
};
`,
    );
    const result = await buildSite(site, path.join(TMP_DIR, 'bad-option-build'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/"runnable" must be one of \[marked, all\]/);
  });

  test("MyST Markdown is read as CommonMark on a site that keeps Docusaurus's default (MDX): notebooks, and pages with MyST directives; a notebook whose front matter asks for MDX gets a hint", async () => {
    const site = fixtureCopy('minimal-site');
    // The site keeps Docusaurus's default markdown.format ('mdx'), where `{\text{force}}` would be a JavaScript expression.
    const notebook = path.join(site, 'docs', 'notebook.md');
    writeFileSync(
      notebook,
      '---\njupytext:\n  text_representation:\n    format_name: myst\nkernelspec:\n  name: python3\n---\n\n# A notebook\n\nNewton: $\\sum{\\text{force}} = m a$, a role {math}`F`.\n',
    );
    // A page that is no notebook but MyST all the same (as numpy-tutorials' contributing page): its
    // `{include}` brings a README whose autolink and HTML comment MDX would reject.
    writeFileSync(
      path.join(site, 'README.md'),
      '# Contributing\n\n<!-- for GitHub -->\nSee <https://example.org/guide>.\n',
    );
    writeFileSync(
      path.join(site, 'docs', 'contributing.md'),
      '```{include} ../README.md\n```\n\n:::{tip}\nThank you.\n:::\n',
    );
    const built = await buildSite(site, path.join(TMP_DIR, 'notebook-as-mdx-build'));
    expect(built.code, built.output).toBe(0);
    const html = readFileSync(path.join(TMP_DIR, 'notebook-as-mdx-build', 'notebook', 'index.html'), 'utf8');
    expect(html.match(/class="katex"/g)).toHaveLength(2);
    const contributing = readFileSync(
      path.join(TMP_DIR, 'notebook-as-mdx-build', 'contributing', 'index.html'),
      'utf8',
    );
    expect(contributing).toContain('<h1>Contributing</h1>');
    expect(contributing).toContain('<a href="https://example.org/guide"');
    expect(contributing).toMatch(/theme-admonition-tip[\s\S]*Thank you\./);
    // Asking for MDX in the page's front matter: MDX's error, then what to do.
    writeFileSync(notebook, readFileSync(notebook, 'utf8').replace('---\n', '---\nmdx: {format: mdx}\n'));
    const result = await buildSite(site, path.join(TMP_DIR, 'notebook-as-mdx-build'));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('Could not parse expression with acorn');
    // Where MDX stopped: line 12, column 16, inside `{\text{force}}`.
    expect(result.output).toContain(
      'Hint: docs/notebook.md:12:16: this page is a MyST notebook, and Docusaurus compiled it as MDX (its front matter says `mdx: {format: mdx}`)',
    );
    expect(result.output).toContain('Remove that line: pyodocs reads MyST notebooks as CommonMark');
  });

  test('a second entry of the plugin stops the build with both ids named', async () => {
    const site = fixtureCopy('minimal-site');
    writeFileSync(
      path.join(site, 'docusaurus.config.js'),
      `export default {
  title: 'two entries', url: 'http://localhost', baseUrl: '/',
  presets: [['classic', {docs: {routeBasePath: '/'}, blog: false, pages: false}]],
  plugins: [['@pyodocs/docusaurus-plugin', {}], ['@pyodocs/docusaurus-plugin', {id: 'api-docs', runnable: 'all'}]],
};
`,
    );
    const result = await buildSite(site, path.join(TMP_DIR, 'two-entries-build'));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      `@pyodocs/docusaurus-plugin is in the site's plugins 2 times (ids "default", "api-docs")`,
    );
    expect(result.output).toContain('One entry serves every page of the site');
  });
});
