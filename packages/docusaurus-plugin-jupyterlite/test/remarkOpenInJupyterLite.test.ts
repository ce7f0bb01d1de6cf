import {createProcessor} from '@mdx-js/mdx';
import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {remarkPythonCells} from '@pyodocs/remark';
import {VFile} from 'vfile';
import {expect, test} from 'vitest';
import {remarkOpenInJupyterLite} from '../src/remark/remarkOpenInJupyterLite.js';

const options = {
  importSource: '@theme/OpenInJupyterLite',
  componentName: 'PyodocsOpenInJupyterLite',
};

/** Runs our plugin after @pyodocs/remark, as the Docusaurus plugin wires them, and returns the mdast. */
async function transform(source: string, frontMatter?: object): Promise<Root> {
  let result: Root | undefined;
  const processor = createProcessor({
    remarkPlugins: [
      [remarkPythonCells, {importSource: '@theme/PythonCell'}],
      [remarkOpenInJupyterLite, options],
      () => (tree: Root) => {
        result = structuredClone(tree);
      },
    ],
  });
  const file = new VFile({value: source, path: '/site/docs/page.mdx', cwd: '/site'});
  if (frontMatter) file.data['frontMatter'] = frontMatter;
  // parse gives mdast; run turns it into estree (the recorder above captured the mdast on the way).
  await processor.run(processor.parse(file) as never, file);
  return result!;
}

function button(tree: Root): MdxJsxFlowElement | undefined {
  return tree.children.find(
    (node): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement' && node.name === options.componentName,
  );
}

const PAGE = `import Tabs from '@theme/Tabs';

# Squares

Some *prose* first.

\`\`\`python run id=first
squares = [n * n for n in range(5)]
\`\`\`

Between the cells, a list:

- one
- two

<Tabs />

\`\`\`python
print("static, not a cell")
\`\`\`

\`\`\`python run
squares
\`\`\`

A documented example:

\`\`\`pycon
>>> sum(squares)
30
\`\`\`
`;

/** The value of an expression attribute, as the compiled page passes it. */
function attributeValue(element: MdxJsxFlowElement, name: string): unknown {
  const attribute = element.attributes.find(
    (candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  );
  const value = attribute?.value;
  if (typeof value !== 'object' || value === null) throw new Error(`${name} is not an expression attribute`);
  return JSON.parse(value.value);
}

test('the button carries the page manifest as notebook cells: markdown as written, live cells and doctest blocks, in page order', async () => {
  const tree = await transform(PAGE);
  const element = button(tree)!;
  const cells = attributeValue(element, 'cells');
  expect(cells).toEqual([
    {type: 'markdown', source: '# Squares\n\nSome *prose* first.'},
    {type: 'code', id: 'first', code: 'squares = [n * n for n in range(5)]'},
    {type: 'markdown', source: 'Between the cells, a list:\n\n- one\n- two'},
    {type: 'markdown', source: '```python\nprint("static, not a cell")\n```'},
    {type: 'code', id: expect.stringMatching(/^py-[0-9a-f]{8}$/), code: 'squares'},
    {type: 'markdown', source: 'A documented example:'},
    {type: 'code', id: expect.stringMatching(/^doctest-[0-9a-f]{8}$/), code: 'sum(squares)'},
  ]);
});

test('the button goes right after the leading # title, and its import is added once', async () => {
  const tree = await transform(PAGE);
  const heading = tree.children.findIndex((node) => node.type === 'heading');
  expect(tree.children[heading + 1]).toBe(button(tree));
  const imports = tree.children.filter(
    (node) => node.type === 'mdxjsEsm' && node.value.includes("'@theme/OpenInJupyterLite'"),
  );
  expect(imports).toHaveLength(1);
});

test('no button on pages without live cells, or with front matter open_in_jupyterlite: false', async () => {
  expect(button(await transform('# Static\n\n```python\nprint(1)\n```\n'))).toBeUndefined();
  expect(button(await transform(PAGE, {open_in_jupyterlite: false}))).toBeUndefined();
  expect(button(await transform(PAGE, {open_in_jupyterlite: true}))).toBeDefined();
});
