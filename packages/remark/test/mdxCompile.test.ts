/**
 * The emitted nodes go through the real MDX compiler: the import's estree
 * must compile, and the element must reach the component with its props.
 */
import {readFileSync} from 'node:fs';
import {compile, evaluate} from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import {VFile} from 'vfile';
import {describe, expect, test} from 'vitest';
import {remarkPythonCells} from '../src/index.js';

const fixture = new URL('fixtures/nested-containers/input.mdx', import.meta.url);
const source = readFileSync(fixture, 'utf8');

interface Element {
  type: unknown;
  props: {children?: unknown; [name: string]: unknown};
}

// The smallest automatic JSX runtime: elements as plain objects, so the
// compiled page can run without React.
const runtime = {
  Fragment: 'Fragment',
  jsx: (type: unknown, props: Element['props']): Element => ({type, props}),
  jsxs: (type: unknown, props: Element['props']): Element => ({type, props}),
};

function* walk(node: unknown): Generator<Element> {
  if (Array.isArray(node)) for (const child of node) yield* walk(child);
  else if (node && typeof node === 'object' && 'props' in node) {
    yield node as Element;
    yield* walk((node as Element).props.children);
  }
}

describe('@mdx-js/mdx compiles pages with cells', () => {
  test('the inserted import compiles to a real ES import, once', async () => {
    const file = new VFile({value: source, path: 'docs/nested.mdx'});
    const output = String(
      await compile(file, {
        remarkPlugins: [remarkFrontmatter, remarkDirective, [remarkPythonCells, {importSource: '@theme/PythonCell'}]],
      }),
    );
    expect(output.match(/^import PyodocsPythonCell from '@theme\/PythonCell';$/gm)).toHaveLength(1);
    expect(output.match(/_jsx\(PyodocsPythonCell, \{/g)).toHaveLength(5);
    expect(output).not.toContain('_missingMdxReference("PyodocsPythonCell"');
  });

  test('the component receives id, code and session, and the static code as children', async () => {
    // The page's own imports (Tabs) cannot resolve here; its components come
    // through `components` instead.
    const withoutImports = source.replace(/^import .*$/gm, '');
    const {default: Content} = await evaluate(
      {value: withoutImports, path: 'docs/nested.mdx'},
      {...runtime, remarkPlugins: [remarkFrontmatter, remarkDirective, remarkPythonCells]},
    );
    const Cell = (props: Element['props']): Element => ({type: 'cell', props});
    const Passthrough = (props: Element['props']) => props.children;
    const tree: unknown = Content({
      components: {PyodocsPythonCell: Cell, Tabs: Passthrough, TabItem: Passthrough},
    });
    const cells = [...walk(tree)].filter((element) => element.type === Cell);
    expect(cells.map((cell) => [cell.props['code'], cell.props['session']])).toEqual([
      ['print("list")', 'page:docs/nested.mdx'],
      ['print("quote")', 'page:docs/nested.mdx'],
      ['print("tab")', 'page:docs/nested.mdx'],
      ['print("admonition")', 'page:docs/nested.mdx'],
      ['print("deep")', 'deep'],
    ]);
    expect(cells[0]?.props['id']).toMatch(/^py-[0-9a-f]{8}$/);
    const code = [...walk(cells[0]?.props.children)].find((element) => element.type === 'code');
    expect(code?.props).toMatchObject({className: 'language-python', children: 'print("list")\n'});
  });

  test('packages, tags and timeout reach the components as an array and a number, code as a string', async () => {
    const page = [
      '---',
      'pyodide:',
      '  packages: [numpy]',
      '---',
      '',
      '```python run timeout=3 packages="scipy"',
      'import scipy',
      '```',
      '',
      '```{code-cell}',
      ':tags: [hide-input, raises-exception]',
      '1 / 0',
      '```',
      '',
      '```pycon timeout=0.5',
      '>>> import numpy',
      '>>> numpy.zeros(2)',
      'array([0., 0.])',
      '```',
      '',
    ].join('\n');
    const options = {remarkPlugins: [remarkFrontmatter, remarkDirective, remarkPythonCells], format: 'md' as const};
    const compiled = String(await compile({value: page, path: 'docs/typed.md'}, options));
    expect(compiled).toContain('packages: ["numpy", "scipy"]');
    expect(compiled).toContain('timeout: 3');

    const {default: Content} = await evaluate({value: page, path: 'docs/typed.md'}, {...runtime, ...options});
    const Cell = (props: Element['props']): Element => ({type: 'cell', props});
    const Doctest = (props: Element['props']): Element => ({type: 'doctest', props});
    const tree: unknown = Content({components: {PyodocsPythonCell: Cell, PyodocsDoctest: Doctest}});
    const elements = [...walk(tree)].filter((element) => element.type === Cell || element.type === Doctest);
    expect(elements.map(({props: {children: _static, ...props}}) => props)).toEqual([
      {
        id: expect.any(String),
        code: 'import scipy',
        session: 'page:docs/typed.md',
        packages: ['numpy', 'scipy'],
        timeout: 3,
      },
      {
        id: expect.any(String),
        code: '1 / 0',
        session: 'page:docs/typed.md',
        packages: ['numpy'],
        tags: ['hide-input', 'raises-exception'],
      },
      {
        id: expect.stringMatching(/^doctest-/),
        source: '>>> import numpy\n>>> numpy.zeros(2)\narray([0., 0.])',
        code: 'import numpy\nnumpy.zeros(2)',
        session: 'page:docs/typed.md',
        packages: ['numpy'],
        timeout: 0.5,
      },
    ]);
  });

  test('behaviour reaches the cell as an object; the page with math imports the stylesheet once and passes HTML', async () => {
    const page = [
      '---',
      'pyodide:',
      '  runPrevious: false',
      '  math: true',
      '---',
      '',
      'Inline $x^2$ and $y$.',
      '',
      '$$',
      'E = mc^2',
      '$$ (energy)',
      '',
      '```python run',
      'x = 1',
      '```',
      '',
    ].join('\n');
    const options = {
      remarkPlugins: [
        remarkFrontmatter,
        remarkDirective,
        [remarkPythonCells, {mathStylesheet: 'katex/dist/katex.min.css'}],
      ],
      format: 'md' as const,
    };
    const compiled = String(await compile({value: page, path: 'docs/math.md'}, options as never));
    expect(compiled.match(/^import 'katex\/dist\/katex\.min\.css';$/gm)).toHaveLength(1);

    const withoutStylesheet = {
      ...options,
      remarkPlugins: [remarkFrontmatter, remarkDirective, [remarkPythonCells, {mathStylesheet: false}]],
    };
    const {default: Content} = await evaluate({value: page, path: 'docs/math.md'}, {
      ...runtime,
      ...withoutStylesheet,
    } as never);
    const Cell = (props: Element['props']): Element => ({type: 'cell', props});
    const tree: unknown = Content({components: {PyodocsPythonCell: Cell}});
    const elements = [...walk(tree)];
    expect(elements.find((element) => element.type === Cell)?.props['behaviour']).toEqual({runPrevious: false});
    const math = elements.filter((element) => element.props['data-pyodocs-math'] !== undefined);
    expect(math.map((element) => [element.type, element.props['data-pyodocs-math'], element.props['id']])).toEqual([
      ['span', 'inline', undefined],
      ['span', 'inline', undefined],
      ['div', 'display', undefined],
    ]);
    // A labelled equation's anchor is an <a id> (what Docusaurus's broken-anchor check collects), just before it.
    const anchors = elements.filter((element) => element.props['id'] === 'equation-energy');
    expect(anchors.map((element) => element.type)).toEqual(['a']);
    const inner = math[2]?.props['dangerouslySetInnerHTML'] as {__html: string} | undefined;
    const html = inner?.__html ?? '';
    expect(html).toMatch(/^<span class="katex-display">/);
    expect(html).toContain('<annotation encoding="application/x-tex">E = mc^2\\tag{1}</annotation>');
  });

  test('a MyST dropdown reaches the details component, its Markdown title in the summary, open when it says so', async () => {
    const page =
      '````{dropdown} Show the *answer*\n:open:\nIt is 42.\n\n```{code-cell} ipython3\nprint(6 * 7)\n```\n````\n\n```{note}\n:class: dropdown\nHidden.\n```\n';
    for (const format of ['md', 'mdx'] as const) {
      const {default: Content} = await evaluate(
        {value: page, path: `docs/dropdowns.${format}`},
        {...runtime, format, remarkPlugins: [remarkFrontmatter, remarkDirective, remarkPythonCells]},
      );
      const Details = (props: Element['props']): Element => ({type: 'details', props});
      const Cell = (props: Element['props']): Element => ({type: 'cell', props});
      const elements = [...walk(Content({components: {details: Details, PyodocsPythonCell: Cell}}))];
      const dropdowns = elements.filter((element) => element.type === Details);
      expect(dropdowns.map((element) => element.props['open'])).toEqual([true, undefined]);
      const summaries = elements.filter((element) => element.type === 'summary');
      expect(summaries.map((summary) => [...walk(summary.props.children)].map((inner) => inner.type))).toEqual([
        ['em'],
        [],
      ]);
      expect(summaries[1]?.props.children).toBe('Note');
      expect(elements.filter((element) => element.type === Cell)).toHaveLength(1);
    }
  });

  test('a MyST figure compiles to a figure whose image is required from the bundler, with a figcaption', async () => {
    const page = '```{figure} images/plot.png\n:name: fig-plot\n:width: 50%\nA *plot*.\n```\n';
    const output = String(
      await compile(new VFile({value: page, path: '/site/docs/figures.md'}), {
        format: 'md',
        remarkPlugins: [
          remarkFrontmatter,
          remarkDirective,
          [
            remarkPythonCells,
            {resolveImage: () => ({module: '!file-loader!./images/plot.png', width: 10, height: 10})},
          ],
        ],
      }),
    );
    expect(output).toContain('src: require("!file-loader!./images/plot.png").default');
    // The name is an anchor before the figure, as a `(label)=` target is.
    expect(output).toMatch(/_jsx\(_components\.a, \{\s*id: "fig-plot"\s*\}\), "\\n", _jsxs\(_components\.figure/);
    expect(output).toMatch(/"?width"?: "50%"/);
    expect(output).toMatch(/_jsxs?\(_components\.figcaption/);
  });
});
