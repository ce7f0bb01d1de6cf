import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, test} from 'vitest';
import {remarkPythonCells, type RemarkPythonCellsOptions} from '../src/index.js';

// Line 7, column 15 is the `s` of `sesion`.
const page = [
  '---',
  'title: Typo',
  '---',
  '',
  '# Typo',
  '',
  '```python run sesion=setup',
  'print(1)',
  '```',
  '',
  '```python run norun',
  'print(2)',
  '```',
  '',
].join('\n');

function processPage(options?: RemarkPythonCellsOptions) {
  const file = new VFile({path: 'file.mdx', value: page});
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkFrontmatter)
    .use(remarkPythonCells, options)
    .use(remarkStringify);
  return {file, done: processor.process(file)};
}

describe('reported problems', () => {
  test('the thrown error names file:line:col of each problem, one per line', async () => {
    const {done} = processPage();
    const error: unknown = await done.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('file.mdx:7:15: Unknown key "sesion"');
    expect(message).toContain('Did you mean "session"?');
    expect(message.split('\n')).toEqual([
      '2 problems found by pyodocs in file.mdx:',
      expect.stringMatching(/^file\.mdx:7:15: Unknown key "sesion"/),
      expect.stringMatching(/^file\.mdx:11:15: "run" and "norun" contradict each other\./),
    ]);
    expect(error).toMatchObject({
      fatal: true,
      line: 7,
      column: 15,
      ruleId: 'pyodocs:unknown-meta-key',
      source: 'pyodocs',
    });
  });

  test('each problem is also a vfile message with place, rule id and source', async () => {
    const {file, done} = processPage();
    await done.catch(() => undefined);
    const problems = file.messages.filter((message) => !message.fatal);
    expect(problems.map((message) => [message.line, message.column, message.ruleId, message.source])).toEqual([
      [7, 15, 'pyodocs:unknown-meta-key', 'pyodocs'],
      [11, 15, 'pyodocs:conflicting-meta', 'pyodocs'],
    ]);
    expect(problems[0]?.reason).toMatch(/^file\.mdx:7:15: /);
  });

  test("onError: 'warn' keeps the messages and the faulty fences static", async () => {
    const {file, done} = processPage({onError: 'warn'});
    const result = await done;
    expect(file.messages.map((message) => message.fatal)).toEqual([false, false]);
    expect(String(result)).toContain('```python run sesion=setup');
    expect(String(result)).toContain('```python run norun');
    expect(file.data.pyodocs).toEqual({
      path: 'file.mdx',
      cells: [],
      sessions: [],
      packages: [],
      imports: [],
      notebook: [],
      includes: [],
    });
  });
});
