/**
 * Fixture runner. Each folder in test/fixtures is one case:
 * - `input.mdx` (parsed as MDX) or `input.md` (CommonMark, or set "format": "md");
 * - optional `config.json`: plugin options, plus `"format": "md" | "mdx"` and
 *   `"frontMatter": {...}` (what Docusaurus puts in `file.data.frontMatter`);
 * - expectations, compared exactly: `output.mdx` (the tree serialized with
 *   remark-stringify + remark-mdx; absent when the transform throws),
 *   `messages.txt` (each vfile message as `ruleId reason`, then the thrown
 *   error's message) and `manifest.json` (`file.data.pyodocs`, when it has
 *   cells or includes; included paths relative to the fixtures folder);
 * - other files: what the case's `{include}` directives read.
 * KaTeX's HTML is shown as the TeX it typeset. Run with UPDATE=1 to rewrite
 * expectations instead of comparing.
 */
import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Root} from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {describe, expect, test} from 'vitest';
import {remarkPythonCells, type RemarkPythonCellsOptions} from '../src/index.js';

const fixturesDir = fileURLToPath(new URL('fixtures/', import.meta.url));
const update = process.env['UPDATE'] === '1';

interface FixtureConfig extends RemarkPythonCellsOptions {
  format?: 'md' | 'mdx';
  frontMatter?: Record<string, unknown>;
}

interface Actual {
  'output.mdx': string | undefined;
  'messages.txt': string | undefined;
  'manifest.json': string | undefined;
}

async function runFixture(name: string): Promise<Actual> {
  const dir = join(fixturesDir, name);
  const inputName = existsSync(join(dir, 'input.md')) ? 'input.md' : 'input.mdx';
  const configPath = join(dir, 'config.json');
  const config: FixtureConfig = existsSync(configPath)
    ? (JSON.parse(readFileSync(configPath, 'utf8')) as FixtureConfig)
    : {};
  // The default stylesheet is an absolute path on this machine: fixtures name it by its package path.
  const {
    format = inputName === 'input.md' ? 'md' : 'mdx',
    frontMatter,
    mathStylesheet = 'katex/dist/katex.min.css',
    ...options
  } = config;

  const file = new VFile({
    path: join(dir, inputName),
    cwd: fixturesDir,
    value: readFileSync(join(dir, inputName), 'utf8'),
  });
  if (frontMatter) file.data['frontMatter'] = frontMatter;

  // Like Docusaurus: front matter and directives (admonitions) in both
  // formats, MDX syntax only for MDX.
  const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkDirective);
  if (format === 'mdx') parser.use(remarkMdx);
  const processor = parser.use(remarkPythonCells, {...options, mathStylesheet});

  let output: string | undefined;
  let thrown: unknown;
  try {
    const tree = await processor.run(processor.parse(file), file);
    abbreviateKatexHtml(tree as Root);
    output = unified()
      .use(remarkStringify)
      .use(remarkFrontmatter)
      .use(remarkDirective)
      .use(remarkMdx)
      .stringify(tree as Root);
  } catch (error) {
    thrown = error;
  }

  const lines = file.messages
    .filter((message) => !message.fatal)
    .map((message) => `${message.ruleId} ${message.reason}`);
  if (thrown !== undefined) {
    lines.push('--- thrown ---', thrown instanceof Error ? thrown.message : String(thrown));
  }
  // Included files are recorded by absolute path: expectations show them relative to the fixtures.
  const manifest = file.data.pyodocs && {
    ...file.data.pyodocs,
    includes: file.data.pyodocs.includes.map((path) => relative(fixturesDir, path).replaceAll('\\', '/')),
  };
  return {
    'output.mdx': output,
    'messages.txt': lines.length > 0 ? `${lines.join('\n')}\n` : undefined,
    'manifest.json':
      manifest && (manifest.cells.length > 0 || manifest.includes.length > 0)
        ? `${JSON.stringify(manifest, null, 2)}\n`
        : undefined,
  };
}

/**
 * KaTeX's HTML is KaTeX's to get right and pages long: expectations show
 * what was typeset (the TeX KaTeX records in its MathML annotation) instead.
 */
function abbreviateKatexHtml(tree: Root): void {
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || attribute.name !== 'dangerouslySetInnerHTML') continue;
      const value = attribute.value;
      if (!value || typeof value === 'string') continue;
      const {__html: html} = JSON.parse(value.value) as {__html: string};
      const tex = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/.exec(html)?.[1] ?? '';
      const decoded = tex
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&');
      const mode = html.startsWith('<span class="katex-display">') ? 'display' : 'inline';
      attribute.value = {
        type: 'mdxJsxAttributeValueExpression',
        value: JSON.stringify({__html: `KaTeX ${mode}: ${decoded}`}),
      };
    }
  });
}

const names = readdirSync(fixturesDir, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('fixtures', () => {
  test('there are fixtures', () => {
    expect(names.length).toBeGreaterThan(10);
  });

  test.each(names)('%s', async (name) => {
    const actual = await runFixture(name);
    for (const [expectedName, content] of Object.entries(actual)) {
      const path = join(fixturesDir, name, expectedName);
      if (update) {
        if (content === undefined) rmSync(path, {force: true});
        else writeFileSync(path, content);
        continue;
      }
      const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      expect(content, `${name}/${expectedName} (run with UPDATE=1 to rewrite)`).toBe(expected);
    }
  });
});
