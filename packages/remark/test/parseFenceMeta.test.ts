import {describe, expect, test} from 'vitest';
import {parseFenceMeta, type FenceMeta} from '../src/index.js';

type Expected = Partial<Omit<FenceMeta, 'items' | 'problems'>> & {
  items?: Array<[kind: string, raw: string, start: number]>;
  problems?: Array<[ruleId: string, start: number, messageIncludes: string]>;
};

const summarize = (meta: FenceMeta) => ({
  run: meta.run,
  norun: meta.norun,
  session: meta.session,
  id: meta.id,
  passthroughMeta: meta.passthroughMeta,
  items: meta.items.map((item) => [item.kind, item.raw, item.start]),
  problems: meta.problems.map((problem) => [problem.ruleId, problem.start, problem.message]),
});

const cases: Array<[title: string, meta: string | null, expected: Expected]> = [
  ['no meta', null, {run: false, norun: false, passthroughMeta: null, items: [], problems: []}],
  ['empty meta', '   ', {items: [], problems: []}],
  ['run flag', 'run', {run: true, items: [['flag', 'run', 0]], passthroughMeta: null}],
  ['norun flag', 'norun', {norun: true, run: false}],
  [
    'surrounding and repeated whitespace',
    '  run \t session=a  ',
    {
      run: true,
      session: 'a',
      items: [
        ['flag', 'run', 2],
        ['pair', 'session=a', 8],
      ],
    },
  ],
  [
    'bare session and id',
    'run session=setup.v2:a-b_c id=intro-1',
    {
      session: 'setup.v2:a-b_c',
      id: 'intro-1',
    },
  ],
  ['double-quoted value', 'session="my-session"', {session: 'my-session'}],
  ['single-quoted value', "id='abc'", {id: 'abc'}],
  [
    'escapes inside quotes',
    String.raw`title="say \"hi\" \\ done" run`,
    {
      run: true,
      items: [
        ['pair', String.raw`title="say \"hi\" \\ done"`, 0],
        ['flag', 'run', 27],
      ],
      passthroughMeta: String.raw`title="say \"hi\" \\ done"`,
    },
  ],
  [
    'quoted value with spaces',
    "title='a b c' run",
    {
      items: [
        ['pair', "title='a b c'", 0],
        ['flag', 'run', 14],
      ],
      passthroughMeta: "title='a b c'",
    },
  ],
  [
    'Docusaurus keys pass through verbatim, ours are removed',
    'run title="/src/a.py" showLineNumbers {1,3-5} session=s',
    {
      run: true,
      session: 's',
      passthroughMeta: 'title="/src/a.py" showLineNumbers {1,3-5}',
      problems: [],
    },
  ],
  [
    'showLineNumbers with a start line',
    'showLineNumbers=10 run',
    {
      passthroughMeta: 'showLineNumbers=10',
      problems: [],
    },
  ],
  [
    'highlight range with a space stays one item',
    '{1, 3} run',
    {
      items: [
        ['range', '{1, 3}', 0],
        ['flag', 'run', 7],
      ],
      passthroughMeta: '{1, 3}',
    },
  ],
  [
    'unknown key suggests the closest',
    'run sesion=a',
    {
      problems: [
        [
          'pyodocs:unknown-meta-key',
          4,
          'Unknown key "sesion" in the meta of a python code block. Did you mean "session"?',
        ],
      ],
    },
  ],
  [
    'unknown flag suggests run',
    'rnu',
    {
      problems: [['pyodocs:unknown-meta-key', 0, 'Did you mean "run"?']],
    },
  ],
  [
    'unknown key lists valid keys',
    'run foo',
    {
      problems: [['pyodocs:unknown-meta-key', 4, 'Valid keys: run, norun, raises-exception, session=NAME, id=NAME']],
    },
  ],
  [
    'case differs from a known key',
    'Run',
    {
      problems: [['pyodocs:unknown-meta-key', 0, 'Did you mean "run"?']],
    },
  ],
  [
    'unterminated double quote',
    'run title="abc',
    {
      problems: [['pyodocs:malformed-meta', 4, 'Unterminated " quote in the value of "title"']],
    },
  ],
  [
    'unterminated single quote',
    "session='abc run",
    {
      problems: [['pyodocs:malformed-meta', 0, "Unterminated ' quote"]],
      run: false,
    },
  ],
  [
    'escaped quote does not close',
    String.raw`title="a\" run`,
    {
      problems: [['pyodocs:malformed-meta', 0, 'Unterminated']],
    },
  ],
  [
    'text glued after a closing quote',
    'title="a"b run',
    {
      run: true,
      problems: [['pyodocs:malformed-meta', 0, 'Unexpected text "b" after the closing quote of "title"']],
    },
  ],
  [
    'quoted text without a key',
    'run "abc"',
    {
      problems: [['pyodocs:malformed-meta', 4, 'Quoted text "abc" has no key']],
    },
  ],
  [
    'value without a key',
    'run =x',
    {
      problems: [['pyodocs:malformed-meta', 4, 'Value "=x" has no key']],
    },
  ],
  [
    'run with norun',
    'run title="x" norun',
    {
      problems: [['pyodocs:conflicting-meta', 14, '"run" and "norun" contradict each other']],
    },
  ],
  [
    'norun before run points at run',
    'norun run',
    {
      problems: [['pyodocs:conflicting-meta', 6, 'contradict']],
    },
  ],
  [
    'a key given twice',
    'run session=a session=b',
    {
      session: 'a',
      problems: [['pyodocs:conflicting-meta', 14, '"session" is given twice']],
    },
  ],
  [
    'empty session',
    'run session=',
    {
      problems: [['pyodocs:invalid-meta-value', 4, 'Empty session name']],
    },
  ],
  [
    'empty quoted id',
    'run id=""',
    {
      problems: [['pyodocs:invalid-meta-value', 4, 'Empty cell id']],
    },
  ],
  [
    'session with a space',
    'run session="a b"',
    {
      problems: [
        [
          'pyodocs:invalid-meta-value',
          4,
          'Invalid session name "a b". Use only letters, digits, "-", "_", "." and ":"',
        ],
      ],
    },
  ],
  [
    'id with a dot',
    'run id=a.b',
    {
      problems: [['pyodocs:invalid-meta-value', 4, 'Invalid cell id "a.b". Use only letters, digits, "-" and "_"']],
    },
  ],
  [
    'session without a value',
    'run session',
    {
      problems: [['pyodocs:invalid-meta-value', 4, '"session" needs a value. Write session=NAME']],
    },
  ],
  [
    'flag with a value',
    'run=yes',
    {
      run: false,
      problems: [['pyodocs:invalid-meta-value', 0, '"run" is a flag and takes no value']],
    },
  ],
  [
    'several problems, in order',
    'rnu title="x" id=a.b sesion=1',
    {
      problems: [
        ['pyodocs:unknown-meta-key', 0, 'rnu'],
        ['pyodocs:invalid-meta-value', 14, 'a.b'],
        ['pyodocs:unknown-meta-key', 21, 'sesion'],
      ],
    },
  ],
];

describe('parseFenceMeta', () => {
  test.each(cases)('%s', (_title, meta, expected) => {
    const actual = summarize(parseFenceMeta(meta));
    const {problems, ...rest} = expected;
    expect(actual).toMatchObject(rest);
    if (problems) {
      expect(actual.problems).toHaveLength(problems.length);
      problems.forEach(([ruleId, start, includes], index) => {
        expect(actual.problems[index]?.[0]).toBe(ruleId);
        expect(actual.problems[index]?.[1]).toBe(start);
        expect(actual.problems[index]?.[2]).toContain(includes);
      });
    }
  });

  test('every problem message says what is wrong, then how to fix it', () => {
    const meta = parseFenceMeta('rnu norun run session= id=a.b title="x');
    expect(meta.problems.length).toBeGreaterThan(3);
    for (const problem of meta.problems) {
      expect(problem.message).toMatch(/^[^.]+.*\. .+[.?]$/);
      expect(problem.end).toBeGreaterThan(problem.start);
    }
  });
});

describe('packages=', () => {
  test('comma and/or space separated names', () => {
    expect(parseFenceMeta('run packages="numpy, matplotlib scipy"').packages).toEqual(['numpy', 'matplotlib', 'scipy']);
    expect(parseFenceMeta('run packages=numpy,pandas').packages).toEqual(['numpy', 'pandas']);
    expect(parseFenceMeta('run').packages).toEqual([]);
  });

  test('version specifiers and empty lists are problems', () => {
    expect(parseFenceMeta('packages="numpy>=2"').problems.map((p) => p.ruleId)).toEqual(['pyodocs:invalid-meta-value']);
    expect(parseFenceMeta('packages=""').problems.map((p) => p.ruleId)).toEqual(['pyodocs:invalid-meta-value']);
    expect(parseFenceMeta('packages').problems.map((p) => p.ruleId)).toEqual(['pyodocs:invalid-meta-value']);
  });
});

describe("kind 'doctest': the same grammar, with try/notry", () => {
  test('flags, values and Docusaurus items', () => {
    expect(parseFenceMeta('try session=s id=i packages="a b" timeout=1 title="x.py" {2}', 'doctest')).toMatchObject({
      try: true,
      notry: false,
      session: 's',
      id: 'i',
      packages: ['a', 'b'],
      timeout: 1,
      passthroughMeta: 'title="x.py" {2}',
      problems: [],
    });
    expect(parseFenceMeta('notry', 'doctest')).toMatchObject({try: false, notry: true, passthroughMeta: null});
  });

  test.each<[string, 'cell' | 'doctest', string, string]>([
    ['run', 'doctest', 'pyodocs:unknown-meta-key', '"run" does not apply to a doctest block'],
    ['norun', 'doctest', 'pyodocs:unknown-meta-key', 'Write "try" or "notry"'],
    ['try', 'cell', 'pyodocs:unknown-meta-key', '"try" does not apply to a python code block'],
    ['tyr', 'doctest', 'pyodocs:unknown-meta-key', 'Did you mean "try"? Valid keys: try, notry,'],
    ['try notry', 'doctest', 'pyodocs:conflicting-meta', '"try" and "notry" contradict each other'],
    ['try=yes', 'doctest', 'pyodocs:invalid-meta-value', '"try" is a flag'],
    ['session="a b"', 'doctest', 'pyodocs:invalid-meta-value', 'Invalid session name'],
    ['id=a id=b', 'doctest', 'pyodocs:conflicting-meta', 'in the meta of a doctest block'],
  ])('%s (%s) is a problem', (meta, kind, ruleId, message) => {
    const {problems} = kind === 'cell' ? parseFenceMeta(meta) : parseFenceMeta(meta, kind);
    expect(problems).toMatchObject([{ruleId, message: expect.stringContaining(message)}]);
  });

  test('the unknown-key hint lists every key, timeout included', () => {
    expect(parseFenceMeta('x').problems[0]?.message).toContain('timeout=SECONDS');
    expect(parseFenceMeta('x', 'doctest').problems[0]?.message).toContain('timeout=SECONDS');
  });
});

describe('raises-exception and execute=', () => {
  test('raises-exception is a flag of python fences', () => {
    expect(parseFenceMeta('run raises-exception')).toMatchObject({run: true, raisesException: true, problems: []});
    expect(parseFenceMeta('run').raisesException).toBe(false);
    expect(parseFenceMeta('raises-exception=yes').problems).toMatchObject([
      {ruleId: 'pyodocs:invalid-meta-value', message: expect.stringContaining('is a flag')},
    ]);
    expect(parseFenceMeta('raise-exception').problems[0]?.message).toContain('Did you mean "raises-exception"?');
  });

  test('a doctest block says why it takes no raises-exception', () => {
    expect(parseFenceMeta('raises-exception', 'doctest').problems).toMatchObject([
      {ruleId: 'pyodocs:unknown-meta-key', message: expect.stringContaining('doctest checks exceptions itself')},
    ]);
  });

  test.each(['off', 'cache', 'force'] as const)('execute=%s on both kinds of block', (mode) => {
    expect(parseFenceMeta(`run execute=${mode}`)).toMatchObject({execute: mode, problems: []});
    expect(parseFenceMeta(`execute="${mode}"`, 'doctest')).toMatchObject({execute: mode, problems: []});
  });

  test.each(['execute', 'execute=always', 'execute='])('%s is a problem that lists the modes', (meta) => {
    expect(parseFenceMeta(meta).problems).toMatchObject([
      {ruleId: 'pyodocs:invalid-meta-value', message: expect.stringContaining('off (never run at build), cache')},
    ]);
  });

  test('the unknown-key hint lists them', () => {
    expect(parseFenceMeta('x').problems[0]?.message).toContain('raises-exception');
    expect(parseFenceMeta('x').problems[0]?.message).toContain('execute=off|cache|force');
    expect(parseFenceMeta('x', 'doctest').problems[0]?.message).toContain('execute=off|cache|force');
  });
});
