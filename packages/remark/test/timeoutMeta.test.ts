import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {VFile} from 'vfile';
import {describe, expect, test} from 'vitest';
import {pythonCellsTransform} from '../src/index.js';
import {parseFenceMeta} from '../src/meta/parseFenceMeta.js';

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

  test('becomes the cell element attribute `timeout`', () => {
    const tree = fromMarkdown('```python run timeout=3\nwhile True: pass\n```\n') as Root;
    pythonCellsTransform(tree, new VFile({value: '', path: '/site/docs/page.md', cwd: '/site'}));
    const element = tree.children[0] as MdxJsxFlowElement;
    expect(element.attributes).toContainEqual({type: 'mdxJsxAttribute', name: 'timeout', value: '3'});
  });
});
