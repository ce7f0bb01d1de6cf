import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {PyodideClient, RunEvent, RunOutcome} from '../src/index.js';
import {createNodeClient} from '../src/node/index.js';
import {serveFolder} from './support/fileServer.js';
import {resultText, runToEnd} from './support/recordRun.js';
import {buildWheel, lockEntry, pyodideLockInfo} from './support/wheels.js';

// IPython syntax in cells, through IPython's own input transformer, with
// real Pyodide: each supported magic, the clear line for what cannot work in
// a browser, tracebacks at the reader's line, and packages (%pip install,
// imports inside %%time) loaded like a cell's imports. Packages come from a
// mirror of wheels this test builds.

const dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-magics-test-'));
const timed = buildWheel({name: 'timed-pkg', version: '1.0', files: {'timed_pkg.py': 'VALUE = 41\n'}});
const pipped = buildWheel({name: 'pipped-pkg', version: '2.0', files: {'pipped_pkg.py': 'WHO = "pip"\n'}});
const missingFile = buildWheel({name: 'gone-pkg', version: '1.0', files: {'gone_pkg.py': 'X = 1\n'}});
const banged = buildWheel({name: 'banged-pkg', version: '1.0', files: {'banged_pkg.py': 'HOW = "!pip"\n'}});
let server: Awaited<ReturnType<typeof serveFolder>>;
let client: PyodideClient;

beforeAll(async () => {
  writeFileSync(path.join(dir, timed.fileName), timed.bytes);
  writeFileSync(path.join(dir, pipped.fileName), pipped.bytes);
  writeFileSync(path.join(dir, banged.fileName), banged.bytes);
  const lock = {
    info: pyodideLockInfo(),
    packages: {
      'timed-pkg': lockEntry(timed, {name: 'timed-pkg', version: '1.0', imports: ['timed_pkg']}),
      'pipped-pkg': lockEntry(pipped, {name: 'pipped-pkg', version: '2.0', imports: ['pipped_pkg']}),
      'banged-pkg': lockEntry(banged, {name: 'banged-pkg', version: '1.0', imports: ['banged_pkg']}),
      // In the lock, never served.
      'gone-pkg': lockEntry(missingFile, {name: 'gone-pkg', version: '1.0', imports: ['gone_pkg']}),
    },
  };
  writeFileSync(path.join(dir, 'pyodide-lock.json'), JSON.stringify(lock));
  server = await serveFolder(dir);
  client = createNodeClient({packages: {lockFileUrl: `${server.url}pyodide-lock.json`, baseUrl: server.url}});
  await client.start();
});

afterAll(async () => {
  client?.dispose();
  await server?.close();
  rmSync(dir, {recursive: true, force: true});
});

function stdout(events: RunEvent[]): string {
  return events.map((event) => (event.type === 'stream' && event.name === 'stdout' ? event.text : '')).join('');
}

function errorOf(outcome: RunOutcome): {ename: string; evalue: string; traceback: string; details?: string} {
  if (outcome.status !== 'error') throw new Error(`expected an error, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

const TIMES = /^CPU times: user [\d.]+ [mμn]?s, sys: 0 ns, total: [\d.]+ [mμn]?s\nWall time: [\d.]+ [mμn]?s\n$/;

describe('%time and %%time', () => {
  test('%time runs a statement in the namespace and prints the times like IPython', async () => {
    const {events, outcome} = await runToEnd(client, {code: '%time total = sum(range(10))\ntotal', session: 'time'});
    expect(outcome).toEqual({status: 'ok'});
    expect(stdout(events)).toMatch(TIMES);
    expect(resultText(events)).toBe('45');
  });

  test("%time of an expression gives the expression's value", async () => {
    const {events} = await runToEnd(client, {code: '%time 6 * 7', session: 'time'});
    expect(resultText(events)).toBe('42');
  });

  test('%%time runs the cell body; its last expression is the value', async () => {
    const {events, outcome} = await runToEnd(client, {
      code: '%%time\nwords = ["a", "b"]\nprint(len(words))\n" ".join(words)',
      session: 'time',
    });
    expect(outcome).toEqual({status: 'ok'});
    expect(stdout(events)).toMatch(/^2\nCPU times: .*\nWall time: .*\n$/);
    expect(resultText(events)).toBe("'a b'");
  });

  test("an error in timed code points at the reader's line, once, without the magic's own frames", async () => {
    const {outcome} = await runToEnd(client, {code: 'x = 0\n%time 1 / x', session: 'time', cellId: 'tm'});
    const error = errorOf(outcome);
    expect(error.ename).toBe('ZeroDivisionError');
    expect(error.traceback).toBe(
      'Traceback (most recent call last):\n' +
        '  File "<cell tm>", line 2, in <module>\n' +
        '    %time 1 / x\n' +
        '          ~~^~~\n' +
        'ZeroDivisionError: division by zero\n',
    );
  });

  test('in %%time, the line of the body', async () => {
    const {outcome} = await runToEnd(client, {
      code: '\n%%time\ny = 1\nundefined_name + y',
      session: 'time',
      cellId: 'tc',
    });
    expect(errorOf(outcome).traceback).toContain('  File "<cell tc>", line 4, in <module>\n    undefined_name + y\n');
  });
});

describe('%timeit and %%timeit', () => {
  test('%timeit prints mean ± std. dev. like IPython, with -n and -r', async () => {
    const {events, outcome} = await runToEnd(client, {code: '%timeit -n 3 -r 2 sum(range(100))', session: 'timeit'});
    expect(outcome).toEqual({status: 'ok'});
    expect(stdout(events)).toMatch(
      /^[\d.]+ [mμn]?s ± [\d.]+ [mμn]?s per loop \(mean ± std\. dev\. of 2 runs, 3 loops each\)\n$/,
    );
    expect(events.some((event) => event.type === 'result')).toBe(false);
  });

  test('%timeit chooses the number of loops itself; -o returns the result, -q prints nothing', async () => {
    const {events} = await runToEnd(client, {
      code: 'r = %timeit -q -o -r 1 1 + 1\n(r.loops >= 1000, r.repeat)',
      session: 'timeit',
    });
    expect(stdout(events)).toBe('');
    expect(resultText(events)).toBe('(True, 1)');
  });

  test('%%timeit: the first line is setup, the body is timed, in the namespace', async () => {
    await runToEnd(client, {code: 'base = 10', session: 'timeit'});
    const {events, outcome} = await runToEnd(client, {
      code: '%%timeit -n 2 -r 1 values = list(range(base))\nsorted(values)',
      session: 'timeit',
    });
    expect(outcome).toEqual({status: 'ok'});
    expect(stdout(events)).toMatch(/per loop \(mean ± std\. dev\. of 1 run, 2 loops each\)\n$/);
  });
});

describe('%matplotlib, %whos, %env', () => {
  test('%matplotlib inline does nothing (figures always show inline); another backend says why not', async () => {
    expect((await runToEnd(client, {code: '%matplotlib inline\n1', session: 'mpl'})).outcome).toEqual({status: 'ok'});
    const widget = await runToEnd(client, {code: '%matplotlib widget', session: 'mpl'});
    expect(errorOf(widget.outcome)).toMatchObject({
      ename: 'UnsupportedMagicError',
      traceback:
        'UnsupportedMagicError: %matplotlib widget is not available here (line 1): figures show inline, as with %matplotlib inline.\n',
    });
  });

  test('%whos lists the namespace like IPython', async () => {
    const empty = await runToEnd(client, {code: '%whos', session: 'whos'});
    expect(stdout(empty.events)).toBe('Interactive namespace is empty.\n');
    const {events} = await runToEnd(client, {
      code: 'import math\nanswer = 42\nnames = ["a", "b"]\n%whos',
      session: 'whos',
    });
    expect(stdout(events)).toBe(
      [
        'Variable   Type      Data/Info',
        '------------------------------',
        'answer     int       42',
        "math       module    <module 'math' (built-in)>",
        'names      list      n=2',
        '',
      ].join('\n'),
    );
  });

  test('%env sets, reads and lists environment variables', async () => {
    const set = await runToEnd(client, {code: '%env GREETING=hello', session: 'env'});
    expect(stdout(set.events)).toBe('env: GREETING=hello\n');
    const read = await runToEnd(client, {code: '%env GREETING', session: 'env'});
    expect(resultText(read.events)).toBe("'hello'");
    const all = await runToEnd(client, {code: 'env = %env\nenv["GREETING"], "HOME" in env', session: 'env'});
    expect(resultText(all.events)).toBe("('hello', True)");
  });
});

describe("%%writefile, %run, %pwd, %cd: Pyodide's in-memory file system", () => {
  test("%%writefile writes a file (IPython's messages), %run runs it as __main__ and keeps what it defined", async () => {
    const written = await runToEnd(client, {
      code: '%%writefile greet.py\nimport sys\nNAME = sys.argv[1] if len(sys.argv) > 1 else "world"\nprint(__name__, NAME)\n',
      session: 'files',
    });
    expect(written.outcome).toEqual({status: 'ok'});
    expect(stdout(written.events)).toBe('Writing greet.py\n');
    // %%file is IPython's other name for it; an existing file is overwritten.
    const again = await runToEnd(client, {
      code: '%%file greet.py\nimport sys\nNAME = sys.argv[1] if len(sys.argv) > 1 else "world"\nprint(__name__, NAME)\n',
      session: 'files',
    });
    expect(stdout(again.events)).toBe('Overwriting greet.py\n');
    const ran = await runToEnd(client, {code: '%run greet.py reader\nNAME', session: 'files'});
    expect(stdout(ran.events)).toBe('__main__ reader\n');
    expect(resultText(ran.events)).toBe("'reader'");
    // The script's own frames are where an error in it points.
    await runToEnd(client, {
      code: '%%writefile broken.py\nx = 1\nraise ValueError("in the script")\n',
      session: 'files',
    });
    const failed = errorOf((await runToEnd(client, {code: '%run broken.py', session: 'files'})).outcome);
    expect(failed.ename).toBe('ValueError');
    expect(failed.traceback).toContain('File "broken.py", line 2');
  });

  test('%%writefile -a appends; a file written in one cell is read in the next', async () => {
    await runToEnd(client, {code: '%%writefile numbers.txt\n1\n2\n', session: 'files'});
    const appended = await runToEnd(client, {code: '%%writefile -a numbers.txt\n3\n', session: 'files'});
    expect(stdout(appended.events)).toBe('Appending to numbers.txt\n');
    const read = await runToEnd(client, {code: 'open("numbers.txt").read().split()', session: 'files'});
    expect(resultText(read.events)).toBe("['1', '2', '3']");
  });

  test('%pwd gives the working folder; %cd changes it and prints it', async () => {
    const pwd = await runToEnd(client, {code: '%pwd', session: 'files'});
    expect(resultText(pwd.events)).toBe("'/home/pyodide'");
    const cd = await runToEnd(client, {
      code: 'import os\nos.makedirs("/tmp/data", exist_ok=True)\n%cd /tmp/data\nos.getcwd()',
      session: 'files',
    });
    expect(stdout(cd.events)).toBe('/tmp/data\n');
    expect(resultText(cd.events)).toBe("'/tmp/data'");
    await runToEnd(client, {code: '%cd', session: 'files'});
    expect(resultText((await runToEnd(client, {code: '%pwd', session: 'files'})).events)).toBe("'/home/pyodide'");
  });
});

describe("obj? and obj??: IPython's help, printed", () => {
  test('a function: its signature, docstring and type; ?? shows its source (a function of an earlier cell too)', async () => {
    const help = await runToEnd(client, {code: 'len?', session: 'help'});
    expect(help.outcome).toEqual({status: 'ok'});
    expect(stdout(help.events)).toBe(
      'Signature: len(obj, /)\nDocstring: Return the number of items in a container.\nType:      builtin_function_or_method\n',
    );
    await runToEnd(client, {
      code: 'def double(x):\n    """Twice x."""\n    return 2 * x',
      session: 'help',
      cellId: 'def',
    });
    const source = await runToEnd(client, {code: 'double??', session: 'help'});
    expect(stdout(source.events)).toBe(
      'Signature: double(x)\nSource:\ndef double(x):\n    """Twice x."""\n    return 2 * x\nType:      function\n',
    );
  });

  test("a value: its string form and length; a name that is not there: IPython's line", async () => {
    await runToEnd(client, {code: 'numbers = [1, 2, 3]', session: 'help'});
    const help = await runToEnd(client, {code: '?numbers', session: 'help'});
    expect(stdout(help.events)).toMatch(
      /^String form: \[1, 2, 3\]\nLength: {6}3\nDocstring:\nBuilt-in mutable sequence\./,
    );
    expect(stdout(help.events)).toMatch(/\nType: {8}list\n$/);
    const missing = await runToEnd(client, {code: 'nothing_here?', session: 'help'});
    expect(missing.outcome).toEqual({status: 'ok'});
    expect(stdout(missing.events)).toBe('Object `nothing_here` not found.\n');
  });
});

describe('what cannot work in a browser ends the cell with one clear line', () => {
  test.each([
    [
      '!ls -la',
      'ShellCommandError',
      '!ls -la cannot work in a browser (line 2): there is no shell to run commands in.',
    ],
    [
      'files = !ls',
      'ShellCommandError',
      '!ls cannot work in a browser (line 2): there is no shell to run commands in.',
    ],
    [
      '!conda install numpy',
      'ShellCommandError',
      '!conda install numpy cannot work in a browser (line 2): there is no shell to run commands in. Use %pip install instead.',
    ],
    ['%cd /no/such/folder', 'MagicFileError', '%cd /no/such/folder: No such file or directory (line 2).'],
    ['%run missing.py', 'MagicFileError', '%run: there is no file missing.py (line 2).'],
    [
      '%load_ext autoreload',
      'UnsupportedMagicError',
      '%load_ext is not available here (line 2): cells run in the browser, where',
    ],
    ['%%bash\necho hi', 'UnsupportedMagicError', '%%bash is not available here (line 1)'],
    [
      '*int*?',
      'UnsupportedMagicError',
      '? search with wildcards is not available here (line 2): use dir(...) instead.',
    ],
  ])('%s', async (code, ename, message) => {
    const cell = code.startsWith('%%') ? code : `print("before")\n${code}\nprint("never")`;
    const {events, outcome} = await runToEnd(client, {code: cell, session: 'unsupported'});
    const error = errorOf(outcome);
    expect(error.ename).toBe(ename);
    expect(error.traceback.split('\n')).toHaveLength(2);
    expect(error.traceback).toContain(message);
    expect(stdout(events)).not.toContain('never');
  });

  test('a syntax error that is not IPython syntax stays a plain SyntaxError', async () => {
    const {outcome} = await runToEnd(client, {code: 'x = (1,\nprint(x', session: 'syntax', cellId: 'se'});
    expect(errorOf(outcome)).toMatchObject({
      ename: 'SyntaxError',
      traceback: '  File "<cell se>", line 2\n    print(x\n         ^\nSyntaxError: \'(\' was never closed\n',
    });
  });

  test("get_ipython().run_line_magic(...) written out (jupytext's form) works too", async () => {
    const {outcome} = await runToEnd(client, {
      code: "get_ipython().run_line_magic('matplotlib', 'inline')",
      session: 'jt',
    });
    expect(outcome).toEqual({status: 'ok'});
  });

  test('IPython.get_ipython() stays None for libraries', async () => {
    const {events} = await runToEnd(client, {
      code: '%time 1\nfrom IPython import get_ipython\nget_ipython() is None',
      session: 'gi',
    });
    expect(resultText(events)).toBe('True');
  });
});

describe('packages', () => {
  test('imports inside %%time load their packages before the cell runs', async () => {
    const {events, outcome} = await runToEnd(client, {
      code: '%%time\nimport timed_pkg\ntimed_pkg.VALUE + 1',
      session: 'pk',
    });
    expect(outcome).toEqual({status: 'ok'});
    expect(events.some((event) => event.type === 'progress' && event.package === 'timed_pkg')).toBe(true);
    expect(resultText(events)).toBe('42');
  });

  test("%pip install loads from the site's packages with byte progress; the import then works", async () => {
    const {events, outcome} = await runToEnd(client, {code: '%pip install pipped-pkg==2.0', session: 'pip'});
    expect(outcome).toEqual({status: 'ok'});
    expect(events).toContainEqual({type: 'progress', package: 'pipped_pkg', loaded: 0, total: pipped.bytes.length});
    expect(events.some((event) => event.type === 'result' || event.type === 'stream')).toBe(false);
    const imported = await runToEnd(client, {code: 'import pipped_pkg\npipped_pkg.WHO', session: 'pip'});
    expect(resultText(imported.events)).toBe("'pip'");
    expect(imported.events.some((event) => event.type === 'progress')).toBe(false);
  });

  test('%pip install of a package that is nowhere: the same line as a declared package', async () => {
    const {outcome} = await runToEnd(client, {code: '%pip install no-such-pkg', session: 'pip'});
    const error = errorOf(outcome);
    expect(error.ename).toBe('PackageNotFoundError');
    expect(error.evalue).toContain(`No package named 'no-such-pkg' in the lock file at ${server.url}pyodide-lock.json`);
    expect(error.traceback).toBe(`PackageNotFoundError: ${error.evalue}\n`);
  });

  test('%pip install of a file the site does not serve: the cause in one line, the URLs in details', async () => {
    const {outcome} = await runToEnd(client, {code: '%pip install gone-pkg', session: 'pip'});
    const error = errorOf(outcome);
    expect(error.ename).toBe('PackageDownloadError');
    expect(error.evalue).toContain(`${new URL(server.url).host} does not serve ${missingFile.fileName}`);
    expect(error.details).toContain(`${server.url}${missingFile.fileName}`);
  });

  test('!pip install is %pip install, as in Jupyter (also python -m pip), with its options read the same way', async () => {
    const {events, outcome} = await runToEnd(client, {code: '!pip install --upgrade banged-pkg', session: 'bang'});
    expect(outcome).toEqual({status: 'ok'});
    expect(events.some((event) => event.type === 'progress' && event.package === 'banged_pkg')).toBe(true);
    const imported = await runToEnd(client, {
      code: '!python -m pip install banged-pkg\nimport banged_pkg\nbanged_pkg.HOW',
      session: 'bang',
    });
    expect(resultText(imported.events)).toBe("'!pip'");
    const missing = errorOf((await runToEnd(client, {code: '!pip install no-such-pkg', session: 'bang'})).outcome);
    expect(missing.ename).toBe('PackageNotFoundError');
  });

  test('%pip list prints the installed distributions', async () => {
    const {events} = await runToEnd(client, {code: '%pip list', session: 'pip'});
    expect(stdout(events)).toMatch(/^Package +Version\n-+ -------\n/);
    expect(stdout(events)).toMatch(/\npipped-pkg +2\.0\n/);
  });

  test('%pip in a function waits with JSPI only: without it, a clear line', async () => {
    const {outcome} = await runToEnd(client, {
      code: 'def setup():\n    %pip install pipped-pkg\nsetup()',
      session: 'pip',
    });
    expect(errorOf(outcome).traceback).toBe(
      'UnsupportedMagicError: %pip install cannot wait here (line 2): use it at the top level of a cell, not inside a function.\n',
    );
  });
});
