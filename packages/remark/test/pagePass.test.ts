import type {Code, Root} from 'mdast';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {fromMarkdown} from 'mdast-util-from-markdown';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, test} from 'vitest';
import {type RemarkPythonCellsOptions, remarkPythonCells} from '../src/index.js';

/** The plugin's transformer on a tree, as unified runs it (without a processor). */
const pagePass = (tree: Root, file: VFile, options?: RemarkPythonCellsOptions) =>
  remarkPythonCells(options)(tree, file);
const emptyManifest = (path: string | undefined) => ({
  path,
  cells: [],
  sessions: [],
  packages: [],
  imports: [],
  notebook: [],
  includes: [],
});

const parse = (value: string) => ({
  tree: fromMarkdown(value),
  file: new VFile({value, path: '/site/docs/page.md', cwd: '/site'}),
});

describe('the page pass', () => {
  test('emits the contract element: id, code, session attributes and the static code as child', () => {
    const {tree, file} = parse('```python run title="a.py" session=s id=first\nprint("hi")\n```\n');
    pagePass(tree, file);
    expect(tree.children[0]).toMatchObject({
      type: 'mdxJsxFlowElement',
      name: 'PyodocsPythonCell',
      attributes: [
        {type: 'mdxJsxAttribute', name: 'id', value: 'first'},
        {type: 'mdxJsxAttribute', name: 'code', value: 'print("hi")'},
        {type: 'mdxJsxAttribute', name: 'session', value: 's'},
      ],
      children: [{type: 'code', lang: 'python', meta: 'title="a.py"', value: 'print("hi")'}],
      position: {start: {line: 1, column: 1}},
    });
  });

  test('the default session is the page path relative to cwd, with / separators', () => {
    const value = '```python run\n1\n```\n';
    const file = new VFile({value, path: 'C:\\site\\docs\\win.md', cwd: 'C:\\site'});
    pagePass(fromMarkdown(value), file);
    expect(file.data.pyodocs?.sessions).toEqual(['page:docs/win.md']);
  });

  test('running twice leaves the tree and the manifest as after one run', () => {
    const {tree, file} = parse(
      [
        '```python run\n1\n```',
        '```python run packages="numpy" timeout=2\n1\n```',
        '```pycon id=sum packages="scipy"\n>>> import math\n>>> 1 + 1\n2\n```',
        '```pycon\n>>> 3\n3\n```',
      ].join('\n\n'),
    );
    pagePass(tree, file);
    const once = structuredClone(tree);
    const manifest = structuredClone(file.data.pyodocs);
    pagePass(tree, file);
    expect(tree).toEqual(once);
    expect(file.data.pyodocs).toEqual(manifest);
    expect(manifest?.cells.map((cell) => [cell.kind, cell.id])).toEqual([
      ['cell', 'py-340ca71c'],
      ['cell', 'py-340ca71c-2'],
      ['doctest', 'sum'],
      ['doctest', 'doctest-335ba1ef'],
    ]);
    expect(manifest?.imports).toEqual(['math']);
  });

  test('leaves non-runnable fences as the very same node', () => {
    const {tree, file} = parse('```python title="x"\n1\n```\n\n```python run\n2\n```\n');
    const staticNode = tree.children[0];
    pagePass(tree, file);
    expect(tree.children[0]).toBe(staticNode);
    expect((tree.children[0] as Code).meta).toBe('title="x"');
  });

  test('sets an empty manifest on pages without cells and on disabled pages', () => {
    const {tree, file} = parse('```python\n1\n```\n');
    pagePass(tree, file);
    expect(file.data.pyodocs).toEqual(emptyManifest('docs/page.md'));

    const disabled = parse('```python run\n1\n```\n');
    disabled.file.data['frontMatter'] = {pyodide: false};
    pagePass(disabled.tree, disabled.file);
    expect(disabled.file.data.pyodocs).toEqual(emptyManifest('docs/page.md'));
    expect(disabled.tree.children[0]?.type).toBe('code');
  });

  test('works on trees without positions or a file path', () => {
    const tree: Root = {
      type: 'root',
      children: [{type: 'code', lang: 'python', meta: 'run sesion=x', value: '1'}],
    };
    const file = new VFile();
    expect(() => pagePass(tree, file)).toThrow(/^1 problem found by pyodocs in this page:\nUnknown key "sesion"/);

    const ok: Root = {
      type: 'root',
      children: [
        {type: 'code', lang: 'py', meta: 'run', value: '1'},
        {type: 'code', lang: 'py', meta: 'run', value: 'π😀é'},
      ],
    };
    pagePass(ok, file);
    // Ids are FNV-1a of the UTF-8 bytes: stable and easy to recompute elsewhere.
    expect(file.data.pyodocs).toEqual({
      path: undefined,
      cells: [
        {kind: 'cell', id: 'py-340ca71c', session: 'page', code: '1', imports: [], packages: [], tags: []},
        {kind: 'cell', id: 'py-6cdeac0b', session: 'page', code: 'π😀é', imports: [], packages: [], tags: []},
      ],
      sessions: ['page'],
      packages: [],
      imports: [],
      notebook: [
        {type: 'code', id: 'py-340ca71c'},
        {type: 'code', id: 'py-6cdeac0b'},
      ],
      includes: [],
    });
  });

  test('a cell declares the packages its %pip install lines name, beside its packages= meta', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'code',
          lang: 'python',
          meta: 'run packages=six',
          value: '%pip install -q tabulate==0.9\nimport tabulate',
        },
      ],
    };
    const file = new VFile();
    pagePass(tree, file);
    const [cell] = (file.data.pyodocs as {cells: Array<{packages: string[]; imports: string[]}>}).cells;
    expect(cell?.packages).toEqual(['six', 'tabulate']);
    expect(cell?.imports).toEqual(['tabulate']);
  });

  test('front matter that is not YAML is reported where the parser stopped', () => {
    const value = '---\npyodide: [unclosed\n---\n\n```python run\n1\n```\n';
    const file = new VFile({value, path: 'docs/bad.md'});
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'yaml',
          value: 'pyodide: [unclosed',
          position: {start: {line: 1, column: 1, offset: 0}, end: {line: 3, column: 4, offset: 26}},
        },
      ],
    };
    pagePass(tree, file, {onError: 'warn'});
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({
      ruleId: 'pyodocs:invalid-front-matter',
      line: 2,
    });
    expect(file.messages[0]?.reason).toMatch(/^docs\/bad\.md:2:\d+: Front matter is not valid YAML/);
  });

  test('validates its options like the plugin', () => {
    const {tree, file} = parse('');
    expect(() => pagePass(tree, file, {onError: 'loud' as 'warn'})).toThrow(
      `@pyodocs/remark: option "onError" must be 'throw' or 'warn', got "loud".`,
    );
  });

  test.each(['math-myst-notebook-md', 'include-markdown', 'myst-colon-fences-md'])(
    'running twice on %s leaves the tree and the manifest as after one run',
    async (name) => {
      const path = fileURLToPath(new URL(`fixtures/${name}/input.md`, import.meta.url));
      const file = new VFile({
        path,
        cwd: fileURLToPath(new URL('fixtures/', import.meta.url)),
        value: readFileSync(path, 'utf8'),
      });
      const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkDirective).use(remarkPythonCells);
      const tree = processor.parse(file);
      await processor.run(tree, file);
      const once = structuredClone(tree);
      const manifest = structuredClone(file.data.pyodocs);
      await processor.run(tree, file);
      expect(tree).toEqual(once);
      expect(file.data.pyodocs).toEqual(manifest);
    },
  );
});
