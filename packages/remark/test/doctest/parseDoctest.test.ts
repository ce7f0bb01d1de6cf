// @vitest-environment node
/**
 * The JavaScript doctest parser against CPython's own: every case is parsed by
 * `doctest.DocTestParser().get_examples` in a real `python3` and by
 * `parseDoctest`, and the examples (source, want, exc_msg, lineno, indent,
 * options) or the error must agree.
 */
import {spawnSync} from 'node:child_process';
import {describe, expect, test} from 'vitest';
import {DoctestSyntaxError, doctestSourceCode, parseDoctest} from '../../src/doctest/parseDoctest.js';

const CASES: Record<string, string> = {
  simple: '>>> import math\n>>> math.sqrt(16)\n4.0\n',
  'multi-line with continuation': '>>> for i in range(2):\n...     print(i)\n0\n1\n',
  'continuation with empty line': '>>> def f():\n...     return 1\n...\n>>> f()\n1',
  'no output': '>>> x = 1\n>>> y = 2\n',
  ellipsis: '>>> list(range(20))  # doctest: +ELLIPSIS\n[0, 1, ..., 19]\n',
  'whitespace directive':
    '>>> print(list(range(5)))  # doctest: +NORMALIZE_WHITESPACE, -ELLIPSIS\n[0,   1,  2,\n 3, 4]\n',
  'blank lines with BLANKLINE': '>>> print("a\\n\\nb")\na\n<BLANKLINE>\nb\n',
  'blank line ends the output': '>>> print(1)\n1\n\nsome prose after a blank line\n>>> 2\n2\n',
  traceback:
    '>>> 1/0\nTraceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nZeroDivisionError: division by zero\n',
  'traceback with ellipsis stack':
    '>>> int("x")\nTraceback (most recent call last):\n    ...\nValueError: invalid literal for int() with base 10: \'x\'\n',
  'multi-line exception message': '>>> raise ValueError("a\\nb")\nTraceback (innermost last):\nValueError: a\nb\n',
  'output before traceback is not an exception':
    '>>> print("x"); 1/0\nx\nTraceback (most recent call last):\nZeroDivisionError: division by zero\n',
  indented: '    >>> 1 + 1\n    2\n    >>> print("hi")\n    hi\n',
  'mixed indentation': 'Prose.\n\n  >>> 3\n  3\n',
  tabs: '\t>>> 4\n\t4\n',
  'prose between examples': 'Some text\n>>> a = 5\n\nMore text.\n>>> a * 2\n10\n',
  'comment-only example is dropped': '>>> # just a comment\n>>> 1\n1\n',
  'trailing spaces on want': '>>> print("a ")\na \n',
  'no blank after prompt': '>>>1\n1\n',
  'inconsistent continuation': '>>> if True:\n  ...     pass\n',
  'bad option': '>>> 1  # doctest: +NOPE\n1\n',
  unicode: ">>> 'π'\n'π'\n",
};

const PYTHON = `
import doctest, json, sys
names = {flag: name for name, flag in doctest.OPTIONFLAGS_BY_NAME.items()}
out = {}
for key, text in json.load(sys.stdin).items():
    try:
        out[key] = [
            {"source": e.source, "want": e.want, "excMsg": e.exc_msg, "lineno": e.lineno,
             "indent": e.indent, "options": {names[f]: v for f, v in e.options.items()}}
            for e in doctest.DocTestParser().get_examples(text, "<doctest>")
        ]
    except ValueError as error:
        out[key] = {"error": True}
json.dump(out, sys.stdout)
`;

function parseWithPython(cases: Record<string, string>): Record<string, unknown> {
  const result = spawnSync('python3', ['-c', PYTHON], {input: JSON.stringify(cases), encoding: 'utf8'});
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

function parseWithJs(text: string): unknown {
  try {
    return parseDoctest(text);
  } catch {
    return {error: true};
  }
}

describe('parseDoctest agrees with CPython doctest.DocTestParser', () => {
  const python = parseWithPython(CASES);

  test.each(Object.keys(CASES))('%s', (name) => {
    expect(parseWithJs(CASES[name] ?? '')).toEqual(python[name]);
  });

  test('the cases cover examples, exceptions, options and errors', () => {
    const values = Object.values(python);
    expect(values.filter((value) => !Array.isArray(value))).toHaveLength(3);
    const examples = values.filter(Array.isArray).flat() as Array<{excMsg: string | null; options: object}>;
    expect(examples.filter((example) => example.excMsg !== null).length).toBeGreaterThanOrEqual(3);
    expect(examples.filter((example) => Object.keys(example.options).length > 0)).toHaveLength(2);
  });
});

test('doctestSourceCode drops the prompts and the outputs', () => {
  expect(doctestSourceCode(parseDoctest(CASES['multi-line with continuation'] ?? ''))).toBe(
    'for i in range(2):\n    print(i)',
  );
  expect(doctestSourceCode(parseDoctest(CASES['prose between examples'] ?? ''))).toBe('a = 5\na * 2');
});

test.each<[string, string, number, string]>([
  ['a prompt without a space', '>>> 1\n1\n>>>2\n', 2, '">>>" is not followed by a space'],
  [
    'a misindented continuation',
    '>>> if True:\n  ...     pass\n',
    1,
    'a "..." line is not indented like its ">>>" line',
  ],
  ['an output line left of its prompt', '  >>> 1\n 1\n', 1, 'an output line is indented less than its ">>>" prompt'],
  ['an unknown option', 'Text\n>>> 1  # doctest: +NOPE\n1\n', 1, '"+NOPE" is not a doctest option'],
])('a DoctestSyntaxError says the line of the block for %s', (_title, block, line, problem) => {
  const error = (() => {
    try {
      parseDoctest(block);
    } catch (caught) {
      return caught;
    }
  })();
  expect(error).toBeInstanceOf(DoctestSyntaxError);
  expect(error).toMatchObject({line, problem: expect.stringContaining(problem)});
});
