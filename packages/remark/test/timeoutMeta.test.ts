import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {VFile} from 'vfile';
import {describe, expect, test} from 'vitest';
import {parseFenceMeta, remarkPythonCells} from '../src/index.js';

// `timeout=SECONDS`: a cell's time limit, passed to the cell as its `timeout` attribute.
describe('timeout=', () => {
  test('a number of seconds (0: no limit) is ours and leaves the meta', () => {
    expect(parseFenceMeta('run timeout=2.5 title="a.py"')).toMatchObject({
      timeout: 2.5,
      passthroughMeta: 'title="a.py"',
      problems: [],
    });
    expect(parseFenceMeta('run timeout=0').timeout).toBe(0);
    expect(parseFenceMeta('run').timeout).toBeUndefined();
  });

  test.each(['timeout', 'timeout=soon', 'timeout=-1', 'timeout=""'])('%s is refused with what to write', (meta) => {
    const {problems, timeout} = parseFenceMeta(`run ${meta}`);
    expect(timeout).toBeUndefined();
    expect(problems).toMatchObject([
      {ruleId: 'pyodocs:invalid-meta-value', message: expect.stringContaining('timeout=10')},
    ]);
  });

  test('becomes the number attribute `timeout` of cells and doctest elements', () => {
    const tree = fromMarkdown(
      '```python run timeout=3\nwhile True: pass\n```\n\n```pycon timeout=0.5\n>>> 1\n1\n```\n',
    ) as Root;
    remarkPythonCells()(tree, new VFile({value: '', path: '/site/docs/page.md', cwd: '/site'}));
    const [cell, doctest] = tree.children as MdxJsxFlowElement[];
    for (const [element, seconds] of [
      [cell, 3],
      [doctest, 0.5],
    ] as const) {
      expect(element?.attributes).toContainEqual({
        type: 'mdxJsxAttribute',
        name: 'timeout',
        value: {
          type: 'mdxJsxAttributeValueExpression',
          value: String(seconds),
          data: {
            estree: expect.objectContaining({
              body: [{type: 'ExpressionStatement', expression: {type: 'Literal', value: seconds}}],
            }),
          },
        },
      });
    }
  });
});
